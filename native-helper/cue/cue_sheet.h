#pragma once
// A CUE sheet as rippers and burners write it (CDRWIN syntax as extended by EAC, whipper, cyanrip, cdrdao; cuetools'
// cue(5)): FILE, TRACK, INDEX, PREGAP, POSTGAP, CATALOG, ISRC, FLAGS, CDTEXTFILE, TITLE, PERFORMER, SONGWRITER
// (+ COMPOSER, ARRANGER, MESSAGE, which Kiln's own export writes), REM. Only the syntax is checked here; the
// layout on disc is cue_layout.h's job. Times are MSF within the current FILE: 75 frames (sectors) per second.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kiln::cue {

/// How a FILE's bytes are audio.
enum class FileType {
  BinaryLE,    ///< BINARY: raw 16-bit little-endian stereo (CD byte order)
  BinaryBE,    ///< MOTOROLA: raw 16-bit big-endian stereo
  Decoded,     ///< WAVE, AIFF, FLAC, MP3 …: decoded with libsndfile (any format it reads, resampled if needed)
};

struct CueFile {
  std::string name;  ///< as written in the sheet (relative to the sheet's folder unless absolute)
  FileType type = FileType::BinaryLE;
  int line = 0;
};

struct CueIndex {
  int number = 0;        ///< 0..99
  int file = 0;          ///< index into CueSheet::files of the FILE in effect
  std::int32_t sectors = 0;  ///< position within that file, sectors (MSF × 75)
  int line = 0;
};

/// CD-TEXT fields by pack type (cd::kCdTextTitle 80h …), UTF-8 (or whatever bytes the sheet had).
using CueTexts = std::map<std::uint8_t, std::string>;

struct CueTrack {
  int number = 0;
  int line = 0;
  std::vector<CueIndex> indexes;  ///< in sheet order, numbers increasing; INDEX 01 always present
  std::int32_t pregapSectors = 0;   ///< PREGAP: silence before INDEX 01 (not in any FILE)
  std::int32_t postgapSectors = 0;  ///< POSTGAP: silence after the track's audio
  std::string isrc;
  bool flagDcp = false, flagPre = false, flagScms = false, flag4ch = false;
  CueTexts texts;
  /// The index with this number, or nullptr.
  const CueIndex* index(int number) const;
};

struct CueSheet {
  std::string name;                 ///< the sheet's file name, for messages ("disc.cue")
  std::string catalog;              ///< CATALOG (13 digits) or empty
  std::string cdTextFile;           ///< CDTEXTFILE or empty
  int cdTextFileLine = 0;
  CueTexts texts;                   ///< disc-level TITLE/PERFORMER/…
  std::vector<CueFile> files;
  std::vector<CueTrack> tracks;
  std::vector<std::string> warnings;  ///< "disc.cue:7: FLAGS 4CH ignored …"
};

/// Parses sheet text. `name` prefixes messages. A UTF-8 BOM and CR LF line ends are accepted. Throws
/// kiln::Error(E_INVALIDARG, "NAME:LINE: what") for malformed sheets: a command in the wrong place (INDEX before
/// TRACK, TRACK before FILE), a bad MSF (frames ≥ 75, seconds ≥ 60), index numbers not increasing or the first
/// not 00/01, a track without INDEX 01, track numbers not consecutive, a non-AUDIO track, an unknown FILE type,
/// CATALOG not 13 digits, ISRC not 12 characters (CCOOOYYSSSSS), > 99 tracks, an unterminated quote, no tracks.
/// Unknown commands and unsupported FLAGS become warnings.
CueSheet parseCueSheet(const std::string& text, const std::string& name);

/// Reads and parses the file at `path` (opened read-only). Missing/unreadable →
/// kiln::Error(HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND).
CueSheet loadCueSheet(const std::string& path);

/// "MM:SS:FF" → sectors; −1 if malformed (FF ≥ 75, SS ≥ 60, not digits).
std::int32_t parseMsf(const std::string& text);

/// True for a 12-character ISRC CCOOOYYSSSSS: 5 characters [0-9A-Z] (country, owner), then 7 digits (year,
/// designation) — the form Q ADR 3 carries (ECMA-130 §22.3.4.3; cd::isValidIsrc).
bool isValidIsrc(const std::string& isrc);
/// True for 13 decimal digits (UPC/EAN media catalog number, Q ADR 2).
bool isValidMcn(const std::string& mcn);

}  // namespace kiln::cue
