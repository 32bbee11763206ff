#pragma once
// CD-TEXT for `kiln burn --dao/--cue`: texts from tags or the cue sheet, overridden from the command line, turned
// into one ISO-8859-1 language block (cd::CdText, MMC-3 Annex J; written by RawImageCreator::setCdText).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/cd/cdtext.h"

namespace kiln::cli {

/// Texts by CD-TEXT pack type (cd::kCdTextTitle 80h … kCdTextMessage 85h), UTF-8.
using TextSet = std::map<std::uint8_t, std::string>;

/// Command-line text overrides: album texts and per-track texts (track = 1-based position on the disc).
struct TextOverrides {
  TextSet album;
  std::map<int, TextSet> tracks;
  bool empty() const { return album.empty() && tracks.empty(); }
};

/// "title" | "performer" | "songwriter" | "composer" | "arranger" | "message" → pack type; else
/// kiln::Error(E_INVALIDARG) listing them.
std::uint8_t cdTextFieldType(const std::string& field);

/// Adds one override: `N=TEXT` for a track field (`type`), e.g. --track-title 3=Intro. Throws
/// kiln::Error(E_INVALIDARG) for a missing '=' or N not a positive number.
void addTrackOverride(TextOverrides& o, std::uint8_t type, const std::string& spec);
/// Adds `[N:]FIELD=TEXT` (--text): album when N is omitted. Throws kiln::Error(E_INVALIDARG) when malformed.
void addTextOverride(TextOverrides& o, const std::string& spec);

/// UTF-8 → ISO-8859-1 (CD-TEXT character code 00h). Characters above U+00FF become '?' and set `lossy`. Text that
/// is not valid UTF-8 is taken to be ISO-8859-1 already and returned unchanged.
std::string utf8ToLatin1(const std::string& text, bool& lossy);

/// One ISO-8859-1 block (language 09h English) from album + per-track texts (tracks[i] = track firstTrack+i).
/// Returns nullopt when every text is empty. Warnings (lossy conversion) are appended to `warnings`.
std::optional<cd::CdText> buildCdText(const TextSet& album, const std::vector<TextSet>& tracks, int firstTrack,
                                      std::vector<std::string>& warnings);

}  // namespace kiln::cli
