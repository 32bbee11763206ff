#pragma once
// The recorded state of a CD-R/CD-RW as plain data: what a store persists (state.json natively) and what the
// MMC model answers from. Addresses are LBAs (MMC-6 §4.2.3.6); lengths are sectors of 2352 bytes.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kiln::vdrive {

/// The blank media the virtual drive can hold. ATIP values per kind are in medium.h (atipFor).
enum class MediaKind : std::uint8_t {
  CdR74,   ///< CD-R, 74 min (last possible lead-out start 73:59:74 = LBA 332849)
  CdR80,   ///< CD-R, 80 min (79:59:74 = LBA 359849)
  CdRw80,  ///< CD-RW, 80 min, erasable (BLANK allowed)
};

/// One track as written Track-At-Once. `start` is the INDEX 01 address the TOC lists; the pregap (pause written
/// by the drive, INDEX 00) occupies [start − pregap, start).
struct TrackRecord {
  std::uint8_t number = 1;    ///< 1..99, disc-wide
  std::uint8_t session = 1;   ///< 1-based session number
  std::int32_t start = 0;     ///< LBA of INDEX 01
  std::int32_t length = 0;    ///< sectors written by the host (the track's program area)
  std::int32_t pregap = 150;  ///< sectors of drive-written pause before `start`
  std::uint8_t control = 0;   ///< Q CONTROL nibble (page 05h track mode): 0 = 2-channel audio
  bool open = false;          ///< written to but not yet closed (SYNCHRONIZE CACHE / CLOSE TRACK fixes it)
  bool damaged = false;       ///< closed by the drive after a write error or loss of streaming
  std::string isrc;           ///< 12-character ISRC (page 05h TCVAL, cue sheet ADR 3, or Q ADR 3 of a RAW write)
  std::vector<std::int32_t> indexStarts;  ///< LBAs of INDEX 02, 03, … (disc-at-once writes only), increasing
  std::int32_t end() const { return start + length; }  ///< exclusive end LBA
};

/// One session. A session exists once its first track was started.
struct SessionRecord {
  std::uint8_t number = 1;
  std::int32_t leadInStart = 0;   ///< LBA where this session's lead-in starts (ATIP value for session 1)
  std::int32_t leadOutStart = 0;  ///< LBA of the lead-out (valid when closed)
  bool closed = false;
  bool nextSessionAllowed = false;  ///< closed with multi-session 11b (B0 pointer present in the TOC)
};

/// TAO link area recorded when the laser stopped after a track and restarted for the next one
/// (1 link + 4 run-in + 2 run-out = 7 blocks inside the 2-s pause; MMC-NOTES D.6).
struct LinkArea {
  std::int32_t start = 0;  ///< first LBA of the 2 run-out blocks; link block at start+2, run-in start+3..start+6
  std::int32_t blocks = 7;
};

/// The whole disc.
struct MediumState {
  MediaKind kind = MediaKind::CdR80;
  std::vector<SessionRecord> sessions;  ///< in order; the last one may be open (not closed)
  std::vector<TrackRecord> tracks;      ///< in order, numbered from 1
  std::vector<LinkArea> linkAreas;
  bool finalized = false;  ///< last session closed with multi-session 00b: no further writing
  std::string mcn;         ///< 13-digit Media Catalog Number (page 05h MCVAL, cue sheet ADR 2, Q ADR 2); empty if none
  /// CD-TEXT packs (18 bytes each, CRC good, distinct, sorted by block/sequence) read from the lead-in R–W of a
  /// disc-at-once write (MMC-NOTES D.8); empty if none.
  std::vector<std::array<std::uint8_t, 18>> cdText;
  /// The host sent R–W sub-channel (RAW data block type 2/3, or SAO with 2448-byte blocks): the store holds 96 bytes
  /// of raw (interleaved) P–W per sector from LBA −150, exported as cdrdao RW_RAW.
  bool subchannel = false;
  /// A disc-at-once write (RAW or SAO) started and did not end with a complete lead-out: the disc is damaged.
  /// READ DISC INFORMATION: disc status 01b (incomplete), last session 01b (incomplete), no NWA; tracks decoded up
  /// to the stop are listed damaged. Only BLANK (CD-RW) makes it writable again.
  bool incomplete = false;
  /// What the drive noticed while recording (e.g. Q CRC errors, lead-in TOC disagreeing with the program area).
  std::vector<std::string> notes;
};

}  // namespace kiln::vdrive
