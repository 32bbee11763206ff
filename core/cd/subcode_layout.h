#pragma once
// SubcodeLayout: the P and Q sub-channel of every sector of a single-session disc, from the lead-in start through
// the end of the lead-out, given the track layout. Used for RAW (DAO-96) images and by the virtual drive to answer
// READ CD / READ SUB-CHANNEL. ECMA-130 §22; MMC-NOTES D.7.
#include <cstdint>
#include <string>
#include <vector>

#include "core/cd/subcode.h"

namespace kiln::cd {

/// One track as laid out on disc. LBAs per MMC-6 §4.2.3.6 (LBA 0 = 00:02:00).
struct TrackLayout {
  std::uint8_t control = 0;                ///< Q CONTROL nibble (kControl* bits)
  std::int32_t start = 0;                  ///< LBA of index 1
  std::int32_t pregap = 0;                 ///< sectors of index 0 right before start (track 1: start + 150)
  std::int32_t length = 0;                 ///< sectors from index 1 up to the next track's index 0 / the lead-out
  std::vector<std::int32_t> indexStarts;   ///< LBAs of index 2, 3, … (increasing, inside [start, start+length))
  std::string isrc;                        ///< empty or 12 characters (isValidIsrc)
};

/// A single-session disc.
struct DiscLayout {
  std::vector<TrackLayout> tracks;  ///< in order; contiguous (each pregap starts where the previous track ends)
  std::uint8_t firstTrack = 1;      ///< track number of tracks[0]
  std::string mcn;                  ///< empty or 13 digits
  std::uint8_t discType = 0x00;     ///< A0 PSEC: 00h CD-DA/CD-ROM, 10h CD-I, 20h CD-ROM XA
  std::int32_t leadInStart = -11635;  ///< first lead-in LBA (ATIP start of lead-in; typical 97:26:65)
  std::int32_t leadOutLength = 6750;  ///< sectors of lead-out (90 s is customary)
};

/// The P/Q generator. Q rules (ECMA-130 §22.3):
/// * lead-in [leadInStart, −150): ADR-1 TOC entries A0, A1, A2, then each track, every entry 3 times in a row,
///   cycled; MIN/SEC/FRAME = running lead-in time from 00:00:00 at leadInStart.
/// * program area: ADR-1 positions; relative time counts up from index 1, and in the pregap counts down to it
///   (start − lba); where the disc has an MCN, sectors with (lba+150) % 100 == 0 carry ADR 2, and where the track
///   has an ISRC, index ≥ 1 sectors with (lba+150) % 100 == 10 carry ADR 3 (libburn's 1-in-100 scheme) — except the
///   first sector of an index, which always carries ADR 1.
/// * lead-out: TNO AAh, index 01, relative time from the lead-out start.
/// P: 0 in the lead-in; 1 in pregaps and in the 150 sectors before each track's index 1; lead-out per leadOutP.
class SubcodeLayout {
 public:
  /// Validates the layout. Throws kiln::Error: E_INVALIDARG (no tracks, > 99 tracks, gaps/overlaps, track 1 pregap
  /// not starting at LBA −150, lead-in not before −150, bad indexes), E_IMAPI_DF2TAO_INVALID_ISRC,
  /// E_IMAPI_DF2TAO_INVALID_MCN.
  explicit SubcodeLayout(DiscLayout disc);

  std::int32_t leadInStart() const { return disc_.leadInStart; }
  std::int32_t leadOutStart() const { return leadOut_; }
  /// One past the last lead-out sector.
  std::int32_t end() const { return leadOut_ + disc_.leadOutLength; }
  const DiscLayout& disc() const { return disc_; }
  /// The lead-in TOC entries in recording order (without running time), ECMA-130 §22.3.4.2.
  const std::vector<QToc>& toc() const { return toc_; }

  /// Decoded Q of the sector at lba. Throws kiln::Error(E_INVALIDARG) outside [leadInStart, end).
  QFrame qFrame(std::int32_t lba) const;
  /// Encoded Q (with CRC) of the sector at lba. Same errors as qFrame.
  QBytes q(std::int32_t lba) const;
  /// P flag of the sector at lba. Same errors as qFrame.
  bool p(std::int32_t lba) const;
  /// Raw interleaved 96-byte P–W of the sector (see packPw96). @param rw 96 six-bit symbols or nullptr.
  void pw96(std::int32_t lba, const std::uint8_t* rw, std::uint8_t* out96) const;

 private:
  void validate() const;
  std::size_t trackAt(std::int32_t lba) const;  ///< index into tracks of the program-area sector
  QFrame programQ(std::int32_t lba) const;

  DiscLayout disc_;
  std::int32_t leadOut_ = 0;
  std::vector<QToc> toc_;
};

}  // namespace kiln::cd
