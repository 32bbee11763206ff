// CUE sheet export (CDRWIN cue syntax as read by libcdio, cdrdao, bchunk, chdman) and BIN streaming.
#include <sstream>
#include <vector>

#include "core/cd/msf.h"
#include "vdrive/export.h"
#include "vdrive/medium.h"

namespace kiln::vdrive {

namespace {

std::string offsetMsf(std::int32_t lba) { return cd::formatMsf(cd::sectorsToMsf(static_cast<std::uint32_t>(lba))); }

std::string flags(std::uint8_t control) {
  std::string f;
  if (control & 0x2) f += " DCP";
  if (control & 0x8) f += " 4CH";
  if (control & 0x1) f += " PRE";
  return f;
}

}  // namespace

std::int32_t binSectorCount(const MediumState& s) {
  if (s.tracks.empty()) return 0;
  if (!s.sessions.empty() && s.sessions.back().closed) return s.sessions.back().leadOutStart;
  return s.tracks.back().end();
}

std::string cueSheet(const MediumState& s, std::string_view binFileName) {
  std::ostringstream out;
  out << "REM COMMENT \"Kiln virtual drive export\"\n";
  out << "REM MEDIA " << mediaKindName(s.kind) << (s.finalized ? " FINALIZED" : " APPENDABLE") << "\n";
  if (!s.mcn.empty()) out << "CATALOG " << s.mcn << "\n";
  out << "FILE \"" << binFileName << "\" BINARY\n";
  int session = 0;
  for (const TrackRecord& t : s.tracks) {
    if (t.session != session) {
      session = t.session;
      if (s.sessions.size() > 1) out << "  REM SESSION " << (session < 10 ? "0" : "") << session << "\n";
    }
    out << "  TRACK " << (t.number < 10 ? "0" : "") << int(t.number) << " AUDIO\n";
    if (!flags(t.control).empty()) out << "    FLAGS" << flags(t.control) << "\n";
    if (!t.isrc.empty()) out << "    ISRC " << t.isrc << "\n";
    if (t.damaged) out << "    REM DAMAGED\n";
    if (t.start - t.pregap >= 0 && t.pregap > 0) out << "    INDEX 00 " << offsetMsf(t.start - t.pregap) << "\n";
    out << "    INDEX 01 " << offsetMsf(t.start) << "\n";
  }
  return out.str();
}

std::array<std::uint8_t, 44> wavHeader(std::uint32_t dataBytes) {
  std::array<std::uint8_t, 44> h{};
  auto put32 = [&h](std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) h[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
  };
  auto put16 = [&h](std::size_t at, std::uint16_t v) {
    h[at] = static_cast<std::uint8_t>(v);
    h[at + 1] = static_cast<std::uint8_t>(v >> 8);
  };
  const char* riff = "RIFF";
  const char* wave = "WAVEfmt ";
  const char* data = "data";
  std::copy(riff, riff + 4, h.begin());
  put32(4, 36 + dataBytes);
  std::copy(wave, wave + 8, h.begin() + 8);
  put32(16, 16);              // fmt chunk size
  put16(20, 1);               // PCM
  put16(22, 2);               // channels
  put32(24, 44100);           // sample rate
  put32(28, 44100 * 4);       // byte rate
  put16(32, 4);               // block align
  put16(34, 16);              // bits per sample
  std::copy(data, data + 4, h.begin() + 36);
  put32(40, dataBytes);
  return h;
}

void streamBin(MediumStore& store, const MediumState& state,
               const std::function<void(std::span<const std::uint8_t>)>& sink, std::int32_t chunkSectors) {
  const std::int32_t total = binSectorCount(state);
  std::vector<std::uint8_t> chunk(static_cast<std::size_t>(chunkSectors) * kSectorBytes);
  for (std::int32_t lba = 0; lba < total; lba += chunkSectors) {
    const std::int32_t n = std::min(chunkSectors, total - lba);
    auto view = std::span<std::uint8_t>(chunk).first(static_cast<std::size_t>(n) * kSectorBytes);
    store.readSectors(lba, view);
    sink(view);
  }
}

}  // namespace kiln::vdrive
