#include "core/usb/bot.h"

#include <algorithm>

#include "core/scsi/bytes.h"

namespace kiln::usb {

using scsi::getLe32;
using scsi::putLe32;

std::array<std::uint8_t, kCbwLength> encodeCbw(const Cbw& cbw) {
  std::array<std::uint8_t, kCbwLength> out{};
  putLe32(out, 0, kCbwSignature);
  putLe32(out, 4, cbw.tag);
  putLe32(out, 8, cbw.dataTransferLength);
  out[12] = (cbw.dataIn && cbw.dataTransferLength > 0) ? 0x80 : 0x00;
  out[13] = cbw.lun & 0x0F;
  const std::uint8_t length = std::clamp<std::uint8_t>(cbw.cdb.length, 1, 16);
  out[14] = length;
  std::copy_n(cbw.cdb.bytes.begin(), length, out.begin() + 15);
  return out;
}

std::optional<Cbw> decodeCbw(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != kCbwLength || getLe32(bytes, 0) != kCbwSignature) return std::nullopt;
  // Reserved bits must be zero for the CBW to be meaningful (BOT §6.2.2).
  if ((bytes[12] & 0x7F) != 0 || (bytes[13] & 0xF0) != 0 || (bytes[14] & 0xE0) != 0) return std::nullopt;
  const std::uint8_t length = bytes[14];
  if (length < 1 || length > 16) return std::nullopt;
  Cbw cbw;
  cbw.tag = getLe32(bytes, 4);
  cbw.dataTransferLength = getLe32(bytes, 8);
  cbw.dataIn = (bytes[12] & 0x80) != 0;
  cbw.lun = bytes[13];
  cbw.cdb.length = length;
  std::copy_n(bytes.begin() + 15, length, cbw.cdb.bytes.begin());
  return cbw;
}

std::array<std::uint8_t, kCswLength> encodeCsw(const Csw& csw) {
  std::array<std::uint8_t, kCswLength> out{};
  putLe32(out, 0, kCswSignature);
  putLe32(out, 4, csw.tag);
  putLe32(out, 8, csw.residue);
  out[12] = static_cast<std::uint8_t>(csw.status);
  return out;
}

std::optional<Csw> decodeCsw(std::span<const std::uint8_t> bytes) {
  if (bytes.size() != kCswLength) return std::nullopt;
  Csw csw;
  csw.tag = getLe32(bytes, 4);
  csw.residue = getLe32(bytes, 8);
  csw.status = static_cast<CswStatus>(bytes[12]);
  return csw;
}

CswCheck checkCsw(std::span<const std::uint8_t> bytes, std::uint32_t expectedTag, std::uint32_t expectedLength,
                  Csw* out) {
  const auto csw = decodeCsw(bytes);
  if (!csw) return CswCheck::WrongLength;
  if (getLe32(bytes, 0) != kCswSignature) return CswCheck::BadSignature;
  if (csw->tag != expectedTag) return CswCheck::TagMismatch;
  if (bytes[12] > static_cast<std::uint8_t>(CswStatus::PhaseError)) return CswCheck::BadStatus;
  // A phase error's residue is meaningless; the host resets either way (BOT §6.7).
  if (csw->status != CswStatus::PhaseError && csw->residue > expectedLength) return CswCheck::ResidueTooLarge;
  if (out) *out = *csw;
  return CswCheck::Valid;
}

}  // namespace kiln::usb
