// cdrdao TOC export (cdrdao(1) "TOC FILES"): CD_DA, per track TRACK AUDIO + FILE "<wav>" <offset> <length> with
// the pregap as START, so cdrdao reads the same samples the BIN holds.
#include <sstream>

#include "core/cd/msf.h"
#include "vdrive/export.h"
#include "vdrive/medium.h"

namespace kiln::vdrive {

std::string cdrdaoToc(const MediumState& s, std::string_view wavFileName) {
  auto msf = [](std::int32_t sectors) { return cd::formatMsf(cd::sectorsToMsf(static_cast<std::uint32_t>(sectors))); };
  std::ostringstream out;
  out << "// Kiln virtual drive export (" << mediaKindName(s.kind) << "); audio read from the WAV copy of the BIN\n";
  if (s.sessions.size() > 1)
    out << "// multi-session disc: cdrdao TOC files describe one session; tracks of all sessions follow each other\n";
  out << "CD_DA\n";
  if (!s.mcn.empty()) out << "CATALOG \"" << s.mcn << "\"\n";
  for (const TrackRecord& t : s.tracks) {
    const std::int32_t pregap = t.start - t.pregap >= 0 ? t.pregap : 0;
    out << "\n// Track " << int(t.number) << (t.damaged ? " (damaged)" : "") << "\n";
    out << "TRACK AUDIO\n";
    out << ((t.control & 0x2) ? "COPY\n" : "NO COPY\n");
    out << ((t.control & 0x1) ? "PRE_EMPHASIS\n" : "NO PRE_EMPHASIS\n");
    out << ((t.control & 0x8) ? "FOUR_CHANNEL_AUDIO\n" : "TWO_CHANNEL_AUDIO\n");
    if (!t.isrc.empty()) out << "ISRC \"" << t.isrc << "\"\n";
    out << "FILE \"" << wavFileName << "\" " << msf(t.start - pregap) << " " << msf(pregap + t.length) << "\n";
    if (pregap > 0) out << "START " << msf(pregap) << "\n";
  }
  return out.str();
}

}  // namespace kiln::vdrive
