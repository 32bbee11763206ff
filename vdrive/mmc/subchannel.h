#pragma once
// Sub-channel the drive reports with READ CD (MMC-6 §6.19 Table 321), generated from the recorded track layout.
// Session 1 uses core/cd/subcode_layout.h (Q positions plus the MCN/ISRC frames the drive inserts, P in pauses);
// later sessions (which that single-session generator does not model) get Mode-1 positions with the same P rule.
// Packed by core/cd/subcode.h into the 16-byte P-Q or 96-byte raw P–W form.
#include <array>
#include <cstdint>
#include <optional>

#include "core/cd/subcode.h"
#include "core/cd/subcode_layout.h"
#include "vdrive/medium_state.h"

namespace kiln::vdrive::mmc {

/// Q (with CRC) and the P flag for one sector.
struct SubchannelQ {
  cd::QBytes q{};
  bool p = false;
};

/// Q/P for the sectors of one disc state; build once per command.
class SubchannelSource {
 public:
  explicit SubchannelSource(const MediumState& state);
  /// Q/P of a recorded sector (program area incl. pauses). Never throws.
  SubchannelQ at(std::int32_t lba) const;

 private:
  const MediumState& state_;
  std::optional<cd::SubcodeLayout> session1_;
  std::int32_t session1End_ = 0;
};

/// Mode-1 position Q for `lba` from the track layout alone (index 0 counting down in a pause, P set there).
SubchannelQ positionQ(const MediumState& state, std::int32_t lba);

/// 16-byte formatted Q (READ CD sub-channel 010b): cdrdao's PQ16 layout (packPq16).
inline std::array<std::uint8_t, 16> formattedQ(const SubchannelQ& q) { return cd::packPq16(q.q, q.p); }
/// 96-byte raw interleaved P–W (sub-channel 001b): P in bit 7, Q in bit 6, R–W zero.
inline std::array<std::uint8_t, 96> rawPw(const SubchannelQ& q) {
  std::array<std::uint8_t, 96> out{};
  cd::packPw96(q.q, q.p, nullptr, out.data());
  return out;
}

}  // namespace kiln::vdrive::mmc
