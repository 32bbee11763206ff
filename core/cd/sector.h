#pragma once
// 2352-byte data sectors: sync, header, EDC, RSPC parity (P and Q), and the Annex B scrambler. ECMA-130 §14
// (sector structure), §14.3 (EDC), Annex A (RSPC), Annex B (scrambling). Audio sectors need none of this.
#include <array>
#include <cstddef>
#include <cstdint>

namespace kiln::cd {

inline constexpr std::size_t kSectorBytes = 2352;       ///< raw sector without sub-channel
inline constexpr std::size_t kSectorWithSubBytes = 2448; ///< raw sector + 96 bytes P–W (data block types 2/3)
inline constexpr std::size_t kUserDataBytes = 2048;      ///< Mode 1 / Mode 2 Form 1 user data
inline constexpr std::size_t kForm2DataBytes = 2324;     ///< Mode 2 Form 2 user data
inline constexpr std::size_t kMode1DataOffset = 16;
inline constexpr std::size_t kMode2DataOffset = 24;      ///< after the 8-byte subheader (two copies of 4 bytes)

/// 4-byte sector header (ECMA-130 §14.2): MIN, SEC, FRAME in BCD (LBA 0 = 00:02:00), then the mode byte.
/// Throws kiln::Error(E_INVALIDARG) for lba < −150 (use leadInHeader) or ≥ 100 minutes.
std::array<std::uint8_t, 4> sectorHeader(std::int32_t lba, std::uint8_t mode);

/// Header of a lead-in data sector: the running lead-in time (00:00:00 at the lead-in start) in BCD with A0h added
/// to MIN (libburn sector_headers; ECMA-130 §14.2). @param sectorsIntoLeadIn 0-based, < 6000 (10 minutes).
std::array<std::uint8_t, 4> leadInHeader(std::int32_t sectorsIntoLeadIn, std::uint8_t mode);

/// Writes the 12-byte sync pattern 00 FF×10 00 at sector[0..11]. ECMA-130 §14.1.
void writeSync(std::uint8_t* sector);

/// Completes a Mode 1 sector in place (ECMA-130 §14.3): user data must already be at bytes 16–2063. Writes sync,
/// header, EDC over 0–2063 at 2064–2067 (little-endian), zero 2068–2075, P parity 2076–2247, Q parity 2248–2351.
/// Does not scramble. @param sector 2352 bytes
void encodeMode1(std::uint8_t* sector, const std::array<std::uint8_t, 4>& header);

/// Completes a Mode 2 Form 1 sector in place (ECMA-130 §14.5 / CD-ROM XA): user data at 24–2071. Writes sync,
/// header (mode must be 2), subheader twice at 16–23, EDC over 16–2071 at 2072–2075, and P/Q parity computed with
/// the header bytes taken as zero (the header is restored afterwards). @param subheader file, channel, submode, coding
void encodeMode2Form1(std::uint8_t* sector, const std::array<std::uint8_t, 4>& header,
                      const std::array<std::uint8_t, 4>& subheader);

/// Completes a Mode 2 Form 2 sector in place: user data at 24–2347; writes sync, header, subheader twice and the EDC
/// over 16–2347 at 2348–2351 (the optional Form 2 EDC). No parity. CD-ROM XA / ECMA-130 §14.5.
void encodeMode2Form2(std::uint8_t* sector, const std::array<std::uint8_t, 4>& header,
                      const std::array<std::uint8_t, 4>& subheader);

/// RSPC (ECMA-130 Annex A) of bytes 12–2247: computes P parity (2076–2247) from bytes 12–2075, then Q parity
/// (2248–2351) from bytes 12–2247. Callers zero the header for Mode 2 Form 1 first. @param sector 2352 bytes
void encodeRspc(std::uint8_t* sector);

/// XORs bytes 12–2351 with the ECMA-130 Annex B sequence (15-bit LFSR x¹⁵+x+1, seed 0001h, LSB first). Its own
/// inverse. Data sectors only (audio is never scrambled). @param sector 2352 bytes
void scramble(std::uint8_t* sector);

/// The 2340-byte Annex B scrambling sequence (byte i is XORed into sector byte 12+i), for tests and readers.
const std::uint8_t* scrambleTable();

/// Result of checking a sector (all true = consistent).
struct SectorCheck {
  bool sync = false;  ///< 00 FF×10 00
  bool edc = false;   ///< stored EDC equals the computed one
  bool p = false;     ///< all 86 P code words have zero syndromes
  bool q = false;     ///< all 52 Q code words have zero syndromes
  bool ok() const { return sync && edc && p && q; }
};

/// Checks an unscrambled Mode 1 sector: sync, EDC (bytes 0–2063 vs 2064–2067), and the P and Q syndromes of RSPC.
/// ECMA-130 §14.3, Annex A. @param sector 2352 bytes
SectorCheck verifyMode1(const std::uint8_t* sector);

/// Checks an unscrambled Mode 2 Form 1 sector (EDC over 16–2071; syndromes with the header taken as zero).
SectorCheck verifyMode2Form1(const std::uint8_t* sector);

}  // namespace kiln::cd
