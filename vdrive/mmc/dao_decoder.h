#pragma once
// What a CD recorder learns from the sub-channel a host sends in a disc-at-once write (RAW write type 3, and the
// lead-in R–W of a session-at-once write with CD-TEXT): the TOC, index marks, MCN and ISRCs from Q (ECMA-130 §22.3;
// MMC-NOTES D.7) and the CD-TEXT packs from the lead-in R–W (MMC-NOTES D.8). Fed one sector at a time in write order;
// state is bounded (a few entries per track and at most 8 × 256 distinct CD-TEXT packs), never the disc length.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/cd/subcode.h"
#include "vdrive/medium_state.h"

namespace kiln::vdrive::mmc {

class DaoDecoder {
 public:
  using Pack = std::array<std::uint8_t, 18>;

  /// Q (12 bytes, CRC as on disc) of the sector at `lba`. A bad CRC is counted (the sector is recorded as given)
  /// and the frame ignored. ADR 1 with TNO 0 = lead-in TOC entry; TNO 01–99 = program-area position (first
  /// sector of each track/index is noted); TNO AAh = lead-out (its first LBA); ADR 2 = MCN; ADR 3 = ISRC of the
  /// track being played. Cheap for the common case: a position equal to the previous one is not decoded further.
  void q(std::int32_t lba, const cd::QBytes& q);

  /// 96 R–W symbols (bits 5–0; bits 7–6 are ignored) of one lead-in sector. Both readings are tried — as packed
  /// ("cooked") packs and as recorded (interleaved) packs de-interleaved — and every pack with a good CRC is kept
  /// (a wrong reading practically never yields a valid CRC-16).
  void leadInRw(const std::uint8_t* rw96);

  /// The tracks found in the program area, cut at `end` (exclusive; the lead-out start when the write completed,
  /// else the first LBA not written). A track is known from its INDEX 01 sector; pregap = INDEX 01 − INDEX 00
  /// (track 1: from −150); length runs to the next track's INDEX 00 (or INDEX 01) or `end`.
  std::vector<TrackRecord> tracks(std::int32_t end) const;

  /// First LBA whose Q said lead-out (TNO AAh), if any was written.
  std::optional<std::int32_t> leadOutStart() const { return leadOut_; }
  const std::string& mcn() const { return mcn_; }
  /// Distinct CD-TEXT packs with a good CRC, sorted (block, then sequence number — byte 3 bits 6–4, byte 2).
  std::vector<Pack> cdTextPacks() const;
  /// Notes for MediumState::notes: bad-CRC count, lead-in TOC entries disagreeing with the program area.
  std::vector<std::string> notes() const;
  std::int32_t badQSectors() const { return badQ_; }

 private:
  struct Track {
    std::uint8_t control = 0;
    std::optional<std::int32_t> index0, index1;
    std::vector<std::int32_t> more;  ///< INDEX 02, 03, …
    std::string isrc;
  };
  void position(std::int32_t lba, std::uint8_t control, std::uint8_t track, std::uint8_t index);
  void addPacks(const std::uint8_t* cooked96);

  std::map<std::uint8_t, Track> tracks_;
  std::map<std::uint8_t, cd::QToc> toc_;  ///< lead-in TOC entries by POINT (as recorded)
  std::uint8_t lastTnoBcd_ = 0xFF, lastIndexBcd_ = 0xFF;
  std::uint8_t current_ = 0;  ///< track number (binary) of the last position, 0 before the first
  std::optional<std::int32_t> leadOut_;
  std::string mcn_;
  std::int32_t badQ_ = 0;
  std::optional<std::int32_t> firstBadQ_;
  std::set<Pack> packs_;
  cd::RwDeinterleaver deinterleaver_;
};

}  // namespace kiln::vdrive::mmc
