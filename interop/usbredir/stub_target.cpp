#include "interop/usbredir/stub_target.h"

#include <algorithm>
#include <cstring>

namespace kiln::interop {
namespace {

vdrive::TargetResponse check(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq) {
  vdrive::TargetResponse r;
  r.status = scsi::Status::CheckCondition;
  r.senseKey = key;
  r.asc = asc;
  r.ascq = ascq;
  return r;
}

std::vector<std::uint8_t> inquiryData() {  // SPC-4 §6.4.2, peripheral device type 05h (MMC)
  std::vector<std::uint8_t> d(36, 0);
  d[0] = 0x05;
  d[1] = 0x80;  // removable
  d[2] = 0x05;
  d[3] = 0x32;
  d[4] = 31;
  std::memcpy(&d[8], "KILN    ", 8);
  std::memcpy(&d[16], "STUB CD-RW      ", 16);
  std::memcpy(&d[32], "0001", 4);
  return d;
}

std::vector<std::uint8_t> capabilitiesPage() {  // MODE SENSE(10) header + page 2Ah (MMC-6 §7.3.4 legacy, 20 bytes)
  std::vector<std::uint8_t> d(8 + 22, 0);
  d[1] = static_cast<std::uint8_t>(d.size() - 2);
  d[8] = 0x2A;
  d[9] = 20;
  d[10] = 0x03;  // reads CD-R, CD-RW
  d[11] = 0x03;  // writes CD-R, CD-RW
  return d;
}

}  // namespace

vdrive::TargetResponse StubTarget::execute(std::span<const std::uint8_t> cdb, std::span<const std::uint8_t>,
                                           std::uint32_t expectedInLength) {
  vdrive::TargetResponse r;
  switch (cdb.empty() ? 0xFF : cdb[0]) {
    case 0x12: r.dataIn = (cdb[1] & 1) ? std::vector<std::uint8_t>{0x05, 0x00, 0x00, 0x00} : inquiryData(); break;
    case 0x03:
      r.dataIn = std::vector<std::uint8_t>(18, 0);
      r.dataIn[0] = 0x70;
      r.dataIn[2] = lastKey_;
      r.dataIn[7] = 10;
      r.dataIn[12] = lastAsc_;
      r.dataIn[13] = lastAscq_;
      lastKey_ = lastAsc_ = lastAscq_ = 0;
      break;
    case 0x5A:
      if ((cdb[2] & 0x3F) == 0x2A || (cdb[2] & 0x3F) == 0x3F) r.dataIn = capabilitiesPage();
      else r = check(0x05, 0x24, 0x00);
      break;
    case 0x00: r = check(0x02, 0x3A, 0x00); break;
    case 0x1E: break;
    default: r = check(0x05, 0x20, 0x00); break;
  }
  if (r.dataIn.size() > expectedInLength) r.dataIn.resize(expectedInLength);
  if (r.status != scsi::Status::Good) {
    lastKey_ = r.senseKey;
    lastAsc_ = r.asc;
    lastAscq_ = r.ascq;
  }
  return r;
}

}  // namespace kiln::interop
