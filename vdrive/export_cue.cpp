// CUE sheet export (CDRWIN cue syntax as read by libcdio, cdrdao, bchunk, chdman) and BIN streaming.
#include <algorithm>
#include <sstream>
#include <utility>
#include <vector>

#include "core/cd/msf.h"
#include "core/imapi/error.h"
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

/// CUE keyword per CD-TEXT pack type (CDRWIN syntax; libcdio and cuetools read all six).
constexpr std::pair<std::uint8_t, const char*> kCueTextFields[] = {
    {cd::kCdTextTitle, "TITLE"},       {cd::kCdTextPerformer, "PERFORMER"}, {cd::kCdTextSongwriter, "SONGWRITER"},
    {cd::kCdTextComposer, "COMPOSER"}, {cd::kCdTextArranger, "ARRANGER"},   {cd::kCdTextMessage, "MESSAGE"},
};

/// A quoted CUE string: the sheet syntax has no escape, so '"' becomes '\''.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? '\'' : c;
  return out + "\"";
}

/// Writes the CD-TEXT lines of item `item` (0 = album, i = i-th track of the text's range) of the first block.
void cdTextLines(std::ostream& out, const cd::CdText& text, std::size_t item, const char* indent) {
  const cd::CdTextBlock& block = text.blocks.front();
  for (const auto& [type, keyword] : kCueTextFields) {
    const auto it = block.texts.find(type);
    if (it == block.texts.end() || item >= it->second.size() || it->second[item].empty()) continue;
    out << indent << keyword << " " << quoted(it->second[item]) << "\n";
  }
}

}  // namespace

std::optional<cd::CdText> discCdText(const MediumState& s) {
  if (s.cdText.empty()) return std::nullopt;
  try {
    cd::CdText text = cd::parseCdTextPacks(s.cdText);
    if (text.blocks.empty()) return std::nullopt;
    return text;
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::int32_t binSectorCount(const MediumState& s) {
  if (s.tracks.empty()) return 0;
  if (!s.sessions.empty() && s.sessions.back().closed) return s.sessions.back().leadOutStart;
  return s.tracks.back().end();
}

std::string cueSheet(const MediumState& s, std::string_view binFileName) {
  std::ostringstream out;
  out << "REM COMMENT \"Kiln virtual drive export\"\n";
  out << "REM MEDIA " << mediaKindName(s.kind) << (s.finalized ? " FINALIZED" : " APPENDABLE") << "\n";
  for (const std::string& note : s.notes) out << "REM NOTE " << quoted(note) << "\n";
  if (s.incomplete) out << "REM INCOMPLETE \"disc-at-once write did not finish\"\n";
  if (!s.mcn.empty()) out << "CATALOG " << s.mcn << "\n";
  const auto text = discCdText(s);
  if (text) cdTextLines(out, *text, 0, "");
  out << "FILE \"" << binFileName << "\" BINARY\n";
  int session = 0;
  for (const TrackRecord& t : s.tracks) {
    if (t.session != session) {
      session = t.session;
      if (s.sessions.size() > 1) out << "  REM SESSION " << (session < 10 ? "0" : "") << session << "\n";
    }
    out << "  TRACK " << (t.number < 10 ? "0" : "") << int(t.number) << " AUDIO\n";
    if (text && t.number >= text->firstTrack) cdTextLines(out, *text, t.number - text->firstTrack + 1u, "    ");
    if (!flags(t.control).empty()) out << "    FLAGS" << flags(t.control) << "\n";
    if (!t.isrc.empty()) out << "    ISRC " << t.isrc << "\n";
    if (t.damaged) out << "    REM DAMAGED\n";
    // The BIN starts at LBA 0: a pregap reaching below it (track 1, hidden track-one audio) starts the file.
    const std::int32_t index0 = std::max(0, t.start - t.pregap);
    if (t.pregap > 0 && index0 < t.start) out << "    INDEX 00 " << offsetMsf(index0) << "\n";
    out << "    INDEX 01 " << offsetMsf(t.start) << "\n";
    for (std::size_t i = 0; i < t.indexStarts.size(); ++i)
      out << "    INDEX " << (i + 2 < 10 ? "0" : "") << i + 2 << " " << offsetMsf(t.indexStarts[i]) << "\n";
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

void streamRwRaw(MediumStore& store, const MediumState& state,
                 const std::function<void(std::span<const std::uint8_t>)>& sink, std::int32_t chunkSectors) {
  const std::int32_t total = binSectorCount(state);
  std::vector<std::uint8_t> main(static_cast<std::size_t>(chunkSectors) * kSectorBytes);
  std::vector<std::uint8_t> sub(static_cast<std::size_t>(chunkSectors) * kSubchannelBytes);
  std::vector<std::uint8_t> records(static_cast<std::size_t>(chunkSectors) * kRwRawRecordBytes);
  for (std::int32_t lba = 0; lba < total; lba += chunkSectors) {
    const auto n = static_cast<std::size_t>(std::min(chunkSectors, total - lba));
    store.readSectors(lba, std::span<std::uint8_t>(main).first(n * kSectorBytes));
    store.readSubchannel(lba, std::span<std::uint8_t>(sub).first(n * kSubchannelBytes));
    for (std::size_t i = 0; i < n; ++i) {
      std::uint8_t* rec = &records[i * kRwRawRecordBytes];
      const std::uint8_t* audio = &main[i * kSectorBytes];
      for (std::size_t b = 0; b < kSectorBytes; b += 2) {  // little-endian samples → big-endian
        rec[b] = audio[b + 1];
        rec[b + 1] = audio[b];
      }
      for (std::size_t k = 0; k < kSubchannelBytes; ++k) rec[kSectorBytes + k] = sub[i * kSubchannelBytes + k] & 0x3F;
    }
    sink(std::span<const std::uint8_t>(records).first(n * kRwRawRecordBytes));
  }
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
