#pragma once
// Checksums of the CD format: the CRC-16 of the Q sub-channel and of CD-TEXT packs, and the 32-bit EDC of data
// sectors. Pure functions, table driven.
#include <cstddef>
#include <cstdint>

namespace kiln::cd {

/// CRC-16 as the Q sub-channel and CD-TEXT packs carry it: polynomial x¹⁶+x¹²+x⁵+1 (0x1021), initial value 0,
/// processed MSB first, result inverted (one's complement). Store it big-endian after the data
/// (Q bytes 10–11, pack bytes 16–17). ECMA-130 §22.3.6; MMC-3 Annex J (CD-TEXT).
/// @param data  bytes to protect (Q: 10 bytes; CD-TEXT pack: 16 bytes)
/// @param size  number of bytes
std::uint16_t crc16Subcode(const std::uint8_t* data, std::size_t size);

/// EDC of Mode 1 / Mode 2 Form 1/2 sectors: 32-bit CRC with P(x) = (x¹⁶+x¹⁵+x²+1)(x¹⁶+x²+x+1), processed LSB
/// first (reflected polynomial 0xD8018001), initial value 0, no final inversion. Stored little-endian
/// (least significant byte first) after the covered bytes. ECMA-130 §14.3.
/// @param data  covered bytes (Mode 1: sector bytes 0–2063; Mode 2 Form 1: 16–2071; Form 2: 16–2347)
/// @param size  number of bytes
/// @param crc   a previous result to continue a running computation (0 to start)
std::uint32_t edc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc = 0);

}  // namespace kiln::cd
