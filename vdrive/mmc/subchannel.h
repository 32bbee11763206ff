#pragma once
// Sub-channel the drive reports with READ CD (MMC-6 §6.19 Table 321): Q generated from the track layout
// (ECMA-130 §22.3, Mode-1 position data with CRC-16), the P flag (pauses), and the 96-byte raw P–W form.
// Minimal local generator; to be replaced by core/cd/subcode.* once that lands (see vdrive/README.md).
#include <array>
#include <cstdint>

#include "vdrive/medium_state.h"

namespace kiln::vdrive::mmc {

/// 12 Q bytes (10 data + CRC, big-endian) and the P flag for one sector.
struct SubchannelQ {
  std::array<std::uint8_t, 12> q{};
  bool p = false;
};

/// CRC-16 of ECMA-130 §22.3.6 (x^16+x^12+x^5+1, init 0, MSB first, inverted).
std::uint16_t subchannelCrc(const std::uint8_t* data, std::size_t length);

/// Q for `lba` on `state` (index 0 with a falling relative time in a pregap, index 1 in the program area).
SubchannelQ qFor(const MediumState& state, std::int32_t lba);

/// 16-byte formatted Q (READ CD sub-channel 010b): Q with CRC, 3 zero bytes, P flag in bit 7 of byte 15.
std::array<std::uint8_t, 16> formattedQ(const SubchannelQ& q);
/// 96-byte raw interleaved P–W (sub-channel 001b): P in bit 7, Q in bit 6, R–W zero.
std::array<std::uint8_t, 96> rawPw(const SubchannelQ& q);

}  // namespace kiln::vdrive::mmc
