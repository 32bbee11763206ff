#include "vdrive/mmc/subchannel.h"

#include "core/cd/msf.h"

namespace kiln::vdrive::mmc {

std::uint16_t subchannelCrc(const std::uint8_t* data, std::size_t length) {
  std::uint16_t crc = 0;
  for (std::size_t i = 0; i < length; ++i) {
    crc ^= static_cast<std::uint16_t>(data[i] << 8);
    for (int b = 0; b < 8; ++b) crc = static_cast<std::uint16_t>(crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
  }
  return static_cast<std::uint16_t>(~crc);
}

SubchannelQ qFor(const MediumState& state, std::int32_t lba) {
  SubchannelQ out;
  const TrackRecord* track = nullptr;
  for (const auto& t : state.tracks)
    if (lba >= t.start - t.pregap) track = &t;
  std::uint8_t control = 0, tno = 1, index = 1;
  cd::Msf rel{};
  if (track) {
    control = track->control;
    tno = track->number;
    if (lba < track->start) {
      index = 0;
      rel = cd::sectorsToMsf(static_cast<std::uint32_t>(track->start - lba));
      out.p = true;
    } else {
      rel = cd::sectorsToMsf(static_cast<std::uint32_t>(lba - track->start));
    }
  }
  const cd::Msf abs = cd::lbaToMsf(lba);
  auto& q = out.q;
  q[0] = static_cast<std::uint8_t>(control << 4 | 0x01);
  q[1] = cd::toBcd(tno);
  q[2] = cd::toBcd(index);
  q[3] = cd::toBcd(rel.m);
  q[4] = cd::toBcd(rel.s);
  q[5] = cd::toBcd(rel.f);
  q[6] = 0;
  q[7] = cd::toBcd(abs.m);
  q[8] = cd::toBcd(abs.s);
  q[9] = cd::toBcd(abs.f);
  const std::uint16_t crc = subchannelCrc(q.data(), 10);
  q[10] = static_cast<std::uint8_t>(crc >> 8);
  q[11] = static_cast<std::uint8_t>(crc);
  return out;
}

std::array<std::uint8_t, 16> formattedQ(const SubchannelQ& q) {
  std::array<std::uint8_t, 16> out{};
  for (int i = 0; i < 12; ++i) out[i] = q.q[i];
  out[15] = q.p ? 0x80 : 0x00;
  return out;
}

std::array<std::uint8_t, 96> rawPw(const SubchannelQ& q) {
  std::array<std::uint8_t, 96> out{};
  for (int i = 0; i < 96; ++i) {
    const bool qBit = (q.q[i / 8] >> (7 - i % 8)) & 1;
    out[i] = static_cast<std::uint8_t>((q.p ? 0x80 : 0) | (qBit ? 0x40 : 0));
  }
  return out;
}

}  // namespace kiln::vdrive::mmc
