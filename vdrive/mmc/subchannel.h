#pragma once
// Sub-channel the drive reports with READ CD (MMC-6 §6.19 Table 321), generated from the recorded track layout:
// Q Mode-1 position (ECMA-130 §22.3.3; index 0 with falling relative time in a pause) and the P flag (set in
// pauses), packed by core/cd/subcode.h into the 16-byte P-Q or 96-byte raw P–W form.
#include <array>
#include <cstdint>

#include "core/cd/subcode.h"
#include "vdrive/medium_state.h"

namespace kiln::vdrive::mmc {

/// Q (with CRC) and the P flag for one sector.
struct SubchannelQ {
  cd::QBytes q{};
  bool p = false;
};

/// Q for `lba` on `state`: the track whose pregap or program area holds it (track 1 for the first pregap).
SubchannelQ qFor(const MediumState& state, std::int32_t lba);

/// 16-byte formatted Q (READ CD sub-channel 010b): Q with CRC, 3 zero bytes, P flag in bit 7 of byte 15.
inline std::array<std::uint8_t, 16> formattedQ(const SubchannelQ& q) { return cd::packPq16(q.q, q.p); }
/// 96-byte raw interleaved P–W (sub-channel 001b): P in bit 7, Q in bit 6, R–W zero.
inline std::array<std::uint8_t, 96> rawPw(const SubchannelQ& q) {
  std::array<std::uint8_t, 96> out{};
  cd::packPw96(q.q, q.p, nullptr, out.data());
  return out;
}

}  // namespace kiln::vdrive::mmc
