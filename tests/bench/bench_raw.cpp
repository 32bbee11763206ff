// kiln_bench_raw: raw-image generation throughput on one core (run by scripts/bench-raw).
//  * audio: 2448-byte sectors = 2352 PCM bytes + 96 bytes raw P–W (Q with CRC from SubcodeLayout, P flag, and
//    raw interleaved R–W symbols of a cycled CD-TEXT pack array).
//  * mode1: 2352-byte Mode 1 sectors with sync, header, EDC, RSPC P/Q parity and Annex B scrambling.
// Usage: kiln_bench_raw [audio_sectors] [mode1_sectors]
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/cd/cdtext.h"
#include "core/cd/sector.h"
#include "core/cd/subcode.h"
#include "core/cd/subcode_layout.h"

using namespace kiln::cd;
using Clock = std::chrono::steady_clock;

namespace {

std::uint64_t checksum(const std::vector<std::uint8_t>& buf) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < buf.size(); i += 61) h = (h ^ buf[i]) * 1099511628211ull;
  return h;
}

void report(const char* what, long sectors, double seconds, std::size_t bytesPerSector, std::uint64_t sum) {
  const double sps = sectors / seconds;
  std::printf("%-6s %9ld sectors in %7.3f s: %10.0f sectors/s  (%7.1fx CD speed, %7.1f MB/s)  [check %016llx]\n", what,
              sectors, seconds, sps, sps / 75.0, sps * bytesPerSector / 1e6, static_cast<unsigned long long>(sum));
}

CdText sampleText(int tracks) {
  CdText t;
  t.firstTrack = 1;
  t.lastTrack = static_cast<std::uint8_t>(tracks);
  CdTextBlock b;
  b.texts[kCdTextTitle].push_back("Benchmark Album");
  b.texts[kCdTextPerformer].push_back("Kiln");
  for (int i = 1; i <= tracks; ++i) {
    b.texts[kCdTextTitle].push_back("Track title number " + std::to_string(i));
    b.texts[kCdTextPerformer].push_back("Kiln");
  }
  t.blocks = {b};
  return t;
}

double benchAudio(long sectors, std::uint64_t* sum) {
  DiscLayout disc;
  disc.mcn = "0123456789012";
  const int tracks = 10;
  const std::int32_t len = static_cast<std::int32_t>(sectors / tracks + 1);
  for (int i = 0; i < tracks; ++i) {
    TrackLayout t;
    t.pregap = i == 0 ? 150 : 0;
    t.start = i * len;
    t.length = len;
    t.isrc = "USKLN2400001";
    disc.tracks.push_back(t);
  }
  const SubcodeLayout layout(disc);
  const CdTextLeadIn leadIn(buildCdTextPacks(sampleText(tracks)), /*interleaved=*/true);
  std::vector<std::uint8_t> pcm(kAudioSectorBytes);
  for (std::size_t i = 0; i < pcm.size(); ++i) pcm[i] = static_cast<std::uint8_t>(i * 31);
  std::vector<std::uint8_t> out(static_cast<std::size_t>(kSectorWithSubBytes) * 64);
  std::uint8_t rw[96];
  const auto t0 = Clock::now();
  for (long s = 0; s < sectors; ++s) {
    std::uint8_t* sec = &out[static_cast<std::size_t>(s % 64) * kSectorWithSubBytes];
    std::memcpy(sec, pcm.data(), kAudioSectorBytes);
    leadIn.rw(s, rw);
    layout.pw96(static_cast<std::int32_t>(s) - 150, rw, sec + kAudioSectorBytes);
  }
  const double dt = std::chrono::duration<double>(Clock::now() - t0).count();
  *sum = checksum(out);
  return dt;
}

double benchMode1(long sectors, std::uint64_t* sum) {
  std::vector<std::uint8_t> out(kSectorBytes * 64);
  std::vector<std::uint8_t> user(kUserDataBytes);
  for (std::size_t i = 0; i < user.size(); ++i) user[i] = static_cast<std::uint8_t>(i * 7 + 3);
  const auto t0 = Clock::now();
  for (long s = 0; s < sectors; ++s) {
    std::uint8_t* sec = &out[static_cast<std::size_t>(s % 64) * kSectorBytes];
    std::memcpy(sec + kMode1DataOffset, user.data(), kUserDataBytes);
    sec[kMode1DataOffset] = static_cast<std::uint8_t>(s);
    encodeMode1(sec, sectorHeader(static_cast<std::int32_t>(s % 300000), 1));
    scramble(sec);
  }
  const double dt = std::chrono::duration<double>(Clock::now() - t0).count();
  *sum = checksum(out);
  return dt;
}

}  // namespace

int main(int argc, char** argv) {
  const long audio = argc > 1 ? std::atol(argv[1]) : 333000;
  const long mode1 = argc > 2 ? std::atol(argv[2]) : 100000;
  std::uint64_t sum = 0;
  double dt = benchAudio(audio, &sum);
  report("audio", audio, dt, kSectorWithSubBytes, sum);
  dt = benchMode1(mode1, &sum);
  report("mode1", mode1, dt, kSectorBytes, sum);
  return 0;
}
