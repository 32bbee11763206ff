// cdrdao TOC export (cdrdao(1) "TOC FILES"): CD_DA, CATALOG, CD_TEXT, per track TRACK AUDIO + FILE "<wav>"
// <offset> <length> (or, with recorded R–W, TRACK AUDIO RW_RAW + DATAFILE "<rw>" #<byte offset> <length>) with the
// pregap as START and INDEX marks relative to the track start, so cdrdao reads the same samples the BIN holds.
#include <algorithm>
#include <sstream>
#include <utility>

#include "core/cd/msf.h"
#include "vdrive/export.h"
#include "vdrive/medium.h"

namespace kiln::vdrive {

namespace {

std::string msf(std::int32_t sectors) { return cd::formatMsf(cd::sectorsToMsf(static_cast<std::uint32_t>(sectors))); }

/// TOC keyword per CD-TEXT pack type (cdrdao CD_TEXT items).
constexpr std::pair<std::uint8_t, const char*> kTocTextFields[] = {
    {cd::kCdTextTitle, "TITLE"},       {cd::kCdTextPerformer, "PERFORMER"}, {cd::kCdTextSongwriter, "SONGWRITER"},
    {cd::kCdTextComposer, "COMPOSER"}, {cd::kCdTextArranger, "ARRANGER"},   {cd::kCdTextMessage, "MESSAGE"},
};

/// A TOC string literal: '"' and '\' escaped as cdrdao's lexer expects.
std::string tocString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// `CD_TEXT { [LANGUAGE_MAP …] LANGUAGE n { … } … }` for item (0 = album) over all language blocks.
void cdTextBlock(std::ostream& out, const cd::CdText& text, std::size_t item, bool withMap) {
  out << "CD_TEXT {\n";
  if (withMap) {
    out << "  LANGUAGE_MAP {";
    for (std::size_t b = 0; b < text.blocks.size(); ++b) {
      const std::uint8_t code = text.blocks[b].language;
      out << " " << b << " : ";
      if (code == 0x09) out << "EN";  // cdrdao's only language name; other EBU codes are given as numbers
      else out << int(code);
    }
    out << " }\n";
  }
  for (std::size_t b = 0; b < text.blocks.size(); ++b) {
    out << "  LANGUAGE " << b << " {\n";
    for (const auto& [type, keyword] : kTocTextFields) {
      const auto it = text.blocks[b].texts.find(type);
      if (it == text.blocks[b].texts.end() || item >= it->second.size() || it->second[item].empty()) continue;
      out << "    " << keyword << " " << tocString(it->second[item]) << "\n";
    }
    out << "  }\n";
  }
  out << "}\n";
}

}  // namespace

std::string cdrdaoToc(const MediumState& s, std::string_view audioFileName) {
  std::ostringstream out;
  const bool rw = s.subchannel;
  out << "// Kiln virtual drive export (" << mediaKindName(s.kind) << "); "
      << (rw ? "audio (big-endian) + raw R-W sub-channel in 2448-byte DATAFILE records\n"
             : "audio read from the WAV copy of the BIN\n");
  if (s.sessions.size() > 1)
    out << "// multi-session disc: cdrdao TOC files describe one session; tracks of all sessions follow each other\n";
  out << "CD_DA\n";
  if (!s.mcn.empty()) out << "CATALOG \"" << s.mcn << "\"\n";
  const auto text = discCdText(s);
  if (text) cdTextBlock(out, *text, 0, true);
  for (const TrackRecord& t : s.tracks) {
    const std::int32_t pregap = std::min(t.pregap, t.start);  // the file starts at LBA 0
    const std::int32_t first = t.start - pregap;
    out << "\n// Track " << int(t.number) << (t.damaged ? " (damaged)" : "") << "\n";
    out << (rw ? "TRACK AUDIO RW_RAW\n" : "TRACK AUDIO\n");
    out << ((t.control & 0x2) ? "COPY\n" : "NO COPY\n");
    out << ((t.control & 0x1) ? "PRE_EMPHASIS\n" : "NO PRE_EMPHASIS\n");
    out << ((t.control & 0x8) ? "FOUR_CHANNEL_AUDIO\n" : "TWO_CHANNEL_AUDIO\n");
    if (!t.isrc.empty()) out << "ISRC \"" << t.isrc << "\"\n";
    if (text && t.number >= text->firstTrack) cdTextBlock(out, *text, t.number - text->firstTrack + 1u, false);
    if (rw)
      out << "DATAFILE \"" << audioFileName << "\" #" << std::int64_t{first} * std::int64_t{kRwRawRecordBytes} << " "
          << msf(pregap + t.length) << "\n";
    else
      out << "FILE \"" << audioFileName << "\" " << msf(first) << " " << msf(pregap + t.length) << "\n";
    if (pregap > 0) out << "START " << msf(pregap) << "\n";
    for (std::int32_t index : t.indexStarts) out << "INDEX " << msf(index - t.start) << "\n";
  }
  return out.str();
}

}  // namespace kiln::vdrive
