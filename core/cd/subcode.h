#pragma once
// The Q sub-channel (ADR 1 position / lead-in TOC, ADR 2 MCN, ADR 3 ISRC, ADR 5 multi-session points), the P flag,
// and the layouts the 96 sub-channel symbols of a sector travel in (raw interleaved P–W, 16-byte P-Q, cooked and
// raw R–W). ECMA-130 §22 (sub-channel); Write Parameters page 05h Data Block Types 1–3 (MMC-NOTES D.2).
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "core/cd/msf.h"

namespace kiln::cd {

/// One sector's Q sub-channel: 10 data bytes + CRC-16 (bytes 10–11, big-endian). ECMA-130 §22.3.
using QBytes = std::array<std::uint8_t, 12>;

inline constexpr std::uint8_t kLeadOutTrack = 0xAA;  ///< TNO of the lead-out in Q (ECMA-130 §22.3.3.2)

/// CONTROL nibble bits (Q byte 0 bits 7–4; also the cue-sheet CTL and page-05 track mode). ECMA-130 §22.3.1.
inline constexpr std::uint8_t kControlPreEmphasis = 0x1;
inline constexpr std::uint8_t kControlCopyPermitted = 0x2;
inline constexpr std::uint8_t kControlData = 0x4;
inline constexpr std::uint8_t kControlFourChannel = 0x8;

/// ADR 1 in the program area and lead-out: where the sector is. Values are binary; encoding makes them BCD.
/// ECMA-130 §22.3.3.2.
struct QPosition {
  std::uint8_t control = 0;  ///< CONTROL nibble (0..15)
  std::uint8_t track = 1;    ///< TNO 1..99, or kLeadOutTrack
  std::uint8_t index = 1;    ///< 0 = pause/pregap, 1..99 (lead-out: 1)
  Msf relative;              ///< time within the track; counts down toward index 1 during the pause
  Msf absolute;              ///< absolute time, 00:02:00 at LBA 0
  friend bool operator==(const QPosition&, const QPosition&) = default;
};

/// ADR 1 (or 5) in the lead-in: one TOC entry. Bytes are kept exactly as recorded (BCD where the spec says BCD),
/// because A0/A1/B0/C0 give PMIN/PSEC other meanings; build entries with the toc* helpers. ECMA-130 §22.3.4.2.
struct QToc {
  std::uint8_t control = 0;
  std::uint8_t adr = 1;            ///< 1 = TOC, 5 = multi-session pointers (B0, C0)
  std::uint8_t point = 0;          ///< POINT as recorded: BCD track 01h..99h, or A0h/A1h/A2h/B0h/C0h
  std::uint8_t min = 0, sec = 0, frame = 0;  ///< ADR 1: running lead-in time (BCD)
  std::uint8_t zero = 0;
  std::uint8_t pmin = 0, psec = 0, pframe = 0;
  friend bool operator==(const QToc&, const QToc&) = default;
};

/// ADR 2: Media Catalog Number (13 decimal digits, EAN/UPC). ECMA-130 §22.3.4.1 (Mode 2 Q).
struct QMcn {
  std::uint8_t control = 0;
  std::string mcn;          ///< 13 ASCII digits
  std::uint8_t aframe = 0;  ///< absolute frame 0..74 (binary)
  friend bool operator==(const QMcn&, const QMcn&) = default;
};

/// ADR 3: ISRC ("CCOOOYYSSSSS": 2 country + 3 owner chars [0-9A-Z], 7 digits). ECMA-130 §22.3.4.3 (Mode 3 Q).
struct QIsrc {
  std::uint8_t control = 0;
  std::string isrc;         ///< 12 ASCII characters, upper case
  std::uint8_t aframe = 0;  ///< absolute frame 0..74 (binary)
  friend bool operator==(const QIsrc&, const QIsrc&) = default;
};

/// Any decoded Q frame.
using QFrame = std::variant<QPosition, QToc, QMcn, QIsrc>;

/// Encode with CRC. Throws kiln::Error(E_INVALIDARG) for out-of-range fields (track 0, index > 99, MSF ≥ 100 min).
/// ECMA-130 §22.3.3.
QBytes encodeQ(const QPosition& q);
/// Encode a lead-in TOC / ADR-5 entry with CRC (bytes copied as recorded). ECMA-130 §22.3.4.2.
QBytes encodeQ(const QToc& q);
/// Encode an MCN frame. Throws kiln::Error(E_IMAPI_DF2TAO_INVALID_MCN) unless mcn is 13 digits. ECMA-130 §22.3.4.1.
QBytes encodeQ(const QMcn& q);
/// Encode an ISRC frame. Throws kiln::Error(E_IMAPI_DF2TAO_INVALID_ISRC) unless isValidIsrc. ECMA-130 §22.3.4.3.
QBytes encodeQ(const QIsrc& q);
/// Encode whichever frame the variant holds.
QBytes encodeQ(const QFrame& q);

/// Decode 12 Q bytes. std::nullopt when the CRC does not match, the ADR is not 1/2/3/5, or a BCD field is not BCD.
/// ADR 1 with TNO 0 is a lead-in TOC entry (QToc); otherwise a QPosition. ECMA-130 §22.3.
std::optional<QFrame> decodeQ(const QBytes& q);

/// True if bytes 10–11 hold the CRC-16 of bytes 0–9. ECMA-130 §22.3.6.
bool qCrcOk(const QBytes& q);
/// Writes the CRC-16 of bytes 0–9 into bytes 10–11. ECMA-130 §22.3.6.
void setQCrc(QBytes& q);

/// ISRC syntax: 12 characters, first 5 in [0-9A-Z], last 7 digits (ECMA-130 §22.3.4.3; IMAPI ISRC property).
bool isValidIsrc(std::string_view isrc);
/// MCN syntax: exactly 13 ASCII digits (ECMA-130 §22.3.4.1).
bool isValidMcn(std::string_view mcn);

/// Lead-in TOC entry for a track: POINT = track (BCD), P-MSF = its index-1 start. ECMA-130 §22.3.4.2.
QToc tocTrack(std::uint8_t control, std::uint8_t track, std::int32_t startLba);
/// POINT A0h: PMIN = first track number, PSEC = disc type (00h CD-DA/CD-ROM, 10h CD-I, 20h CD-ROM XA).
QToc tocA0(std::uint8_t control, std::uint8_t firstTrack, std::uint8_t discType);
/// POINT A1h: PMIN = last track number.
QToc tocA1(std::uint8_t control, std::uint8_t lastTrack);
/// POINT A2h: P-MSF = start of the lead-out.
QToc tocA2(std::uint8_t control, std::int32_t leadOutLba);
/// ADR 5 POINT B0h (multi-session): MIN/SEC/FRAME = start of the next program area, ZERO = number of ADR-5
/// pointers, P-MSF = maximum start of the outermost lead-out. Orange Book multi-session; MMC READ TOC format 2.
QToc tocB0(std::int32_t nextProgramLba, std::uint8_t mode5Pointers, std::int32_t maxLeadOutLba);
/// ADR 5 POINT C0h: MIN = ATIP optimum writing power byte, P-MSF = start of the first lead-in of the disc.
QToc tocC0(std::uint8_t atipPowerByte, std::int32_t firstLeadInLba);

// ---- P channel -------------------------------------------------------------------------------------------------

/// P flag of a lead-out sector: 0 for the first 2 s (150 sectors), then 2 Hz: on for frames 0–18 and 38–56 of each
/// second, off otherwise (libburn subcode_lout; ECMA-130 §22.2). @param sectorsIntoLeadOut  0 = first lead-out sector
bool leadOutP(std::int32_t sectorsIntoLeadOut);

// ---- sector sub-channel layouts ------------------------------------------------------------------------------

/// Raw interleaved P–W (data block type 3; 96 bytes): byte i = symbol i, bit7 = P, bit6 = Q bit i (MSB of Q byte 0
/// first), bits5–0 = R–W symbol i (R = bit5). @param rw  96 six-bit R–W symbols, or nullptr for all zero.
/// Write Parameters page 05h Data Block Type 3 (MMC-NOTES D.2), ECMA-130 §22.1.
void packPw96(const QBytes& q, bool p, const std::uint8_t* rw, std::uint8_t* out96);

/// The parts of a 96-byte raw P–W block.
struct PwParts {
  QBytes q{};
  bool p = false;                       ///< majority of the 96 P bits
  std::array<std::uint8_t, 96> rw{};    ///< six-bit symbols
};
/// Inverse of packPw96 (the P flag is the majority vote of its 96 bits).
PwParts unpackPw96(const std::uint8_t* in96);

/// 16-byte P-Q form (Write Parameters page 05h Data Block Type 1, MMC-NOTES D.2): bytes 0–9 Q, 10–11 the CRC
/// **not inverted** (the complement of Q bytes 10–11), 12–14 zero, byte 15 bit7 = P. Both cdrdao
/// (PQSubChannel16::calcCrc) and libburn (convert_subs, BURN_BLOCK_RAW16) send the plain CRC in this format.
std::array<std::uint8_t, 16> packPq16(const QBytes& q, bool p);
/// Inverse of packPq16: {Q with the inverted CRC of ECMA-130 §22.3.6, P}.
std::pair<QBytes, bool> unpackPq16(const std::uint8_t* in16);

/// Raw interleaved P–W (one symbol per byte) → de-interleaved by channel (12 bytes each: P, Q, R, …, W), the
/// CloneCD .sub layout. Bit 7 of each output byte is the channel bit of the earliest symbol.
void pwToChannels(const std::uint8_t* in96, std::uint8_t* out96);
/// Inverse of pwToChannels.
void channelsToPw(const std::uint8_t* in96, std::uint8_t* out96);

// ---- R–W interleave (Red Book / IEC 60908 §17.6, CD+G / CD-TEXT packs) ----------------------------------------------
// A pack is 24 six-bit symbols; a sector carries 4 packs. The recorded ("raw") order takes symbol i of a pack,
// swaps positions 1↔18, 2↔5, 3↔23, and delays position j by (j mod 8) packs: raw pack k, position j =
// cooked pack (k − j mod 8), symbol swap(j). So one cooked pack spreads over 8 packs (2 sectors of lookahead).

inline constexpr std::size_t kRwPackSymbols = 24;
inline constexpr std::size_t kRwPacksPerSector = 4;

/// The in-pack position swap of the R–W interleave (1↔18, 2↔5, 3↔23; others fixed). Its own inverse.
constexpr std::size_t rwSwapPosition(std::size_t j) {
  return j == 1 ? 18 : j == 18 ? 1 : j == 2 ? 5 : j == 5 ? 2 : j == 3 ? 23 : j == 23 ? 3 : j;
}
/// Delay, in packs, of recorded position j (j mod 8).
constexpr std::size_t rwDelayPacks(std::size_t j) { return j % 8; }

/// Cooked → raw over a cyclic pack stream (the lead-in CD-TEXT loop): pack −1 is pack count−1.
/// @param cooked,raw  packs × 24 symbols each (no aliasing)
void interleaveRwCyclic(const std::uint8_t* cooked, std::uint8_t* raw, std::size_t packs);
/// Raw → cooked over a cyclic pack stream; exact inverse of interleaveRwCyclic.
void deinterleaveRwCyclic(const std::uint8_t* raw, std::uint8_t* cooked, std::size_t packs);

/// Streaming cooked → raw interleaver for a linear (non-cyclic) stream: packs before the first are zero.
class RwInterleaver {
 public:
  /// @param cooked96  one sector's 4 cooked packs (96 symbols); @param raw96  that sector's recorded R–W symbols
  void pushSector(const std::uint8_t* cooked96, std::uint8_t* raw96);

 private:
  std::array<std::uint8_t, 7 * kRwPackSymbols> history_{};  ///< the last 7 cooked packs
};

/// Streaming raw → cooked de-interleaver; output lags input by 2 sectors (7 packs need up to 7 later packs).
/// The first two outputs are the zero packs "before" the stream.
class RwDeinterleaver {
 public:
  /// @param raw96  one sector of recorded R–W symbols; @param cooked96  the cooked packs of the sector 2 earlier
  void pushSector(const std::uint8_t* raw96, std::uint8_t* cooked96);

 private:
  std::array<std::uint8_t, 3 * 96> window_{};  ///< the last 3 raw sectors (oldest first)
};

}  // namespace kiln::cd
