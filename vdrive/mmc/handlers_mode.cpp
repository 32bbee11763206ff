// MODE SENSE(10) / MODE SELECT(10) (SPC-4 §6.11 / §6.9) over pages 01h, 05h, 2Ah and 3Fh (all pages).
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

std::vector<std::uint8_t> capabilitiesPage(const DriveContext& ctx, PageControl pc) {
  const std::size_t n = kWriteSpeedsX.size();
  std::vector<std::uint8_t> p(32 + 4 * n, 0);
  p[0] = 0x2A;
  p[1] = static_cast<std::uint8_t>(p.size() - 2);
  if (pc == PageControl::Changeable) return p;  // nothing in 2Ah is changeable
  p[2] = 0x03;  // reads CD-R, CD-RW
  p[3] = 0x07;  // writes CD-R, CD-RW; Test Write
  p[4] = 0xC0;  // BUF (underrun-free), multi-session
  p[5] = 0x07;  // R-W supported (READ CD raw P-W), CD-DA stream accurate, CD-DA commands
  p[6] = static_cast<std::uint8_t>(0x29 | (ctx.preventRemoval && pc == PageControl::Current ? 0x02 : 0x00));
  scsi::putBe16(p, 8, speedKbPerSecond(kMaxReadSpeedX));
  scsi::putBe16(p, 10, 256);                                    // volume levels
  scsi::putBe16(p, 12, ctx.options.bufferBytes / 1024);         // buffer size, KiB
  scsi::putBe16(p, 14, ctx.readSpeedKbs);
  scsi::putBe16(p, 18, speedKbPerSecond(kWriteSpeedsX.back()));
  scsi::putBe16(p, 20, ctx.writeSpeedKbs);
  scsi::putBe16(p, 28, ctx.writeSpeedKbs);
  scsi::putBe16(p, 30, static_cast<std::uint32_t>(n));
  for (std::size_t i = 0; i < n; ++i)  // descending, as drives list them
    scsi::putBe16(p, 32 + 4 * i + 2, speedKbPerSecond(kWriteSpeedsX[n - 1 - i]));
  return p;
}

TargetResponse modeSense10(DriveContext& ctx, const Request& r) {
  const auto pc = static_cast<PageControl>(r.at(2) >> 6);
  const std::uint8_t page = r.at(2) & 0x3F;
  const std::uint32_t allocation = std::uint32_t(r.at(7)) << 8 | r.at(8);
  if (pc == PageControl::Saved) return savingNotSupported();
  if (r.at(3) != 0) return invalidFieldInCdb();  // subpages
  std::vector<std::uint8_t> data(8, 0);  // mode parameter header(10), no block descriptors
  auto append = [&data](const std::vector<std::uint8_t>& p) { data.insert(data.end(), p.begin(), p.end()); };
  switch (page) {
    case 0x01: append(ctx.pages.page01(pc)); break;
    case 0x05: append(ctx.pages.page05(pc)); break;
    case 0x2A: append(capabilitiesPage(ctx, pc)); break;
    case 0x3F:
      append(ctx.pages.page01(pc));
      append(ctx.pages.page05(pc));
      append(capabilitiesPage(ctx, pc));
      break;
    default: return invalidFieldInCdb();  // e.g. vendor page 30h, as wodim probes
  }
  scsi::putBe16(data, 0, static_cast<std::uint32_t>(data.size() - 2));
  return goodData(std::move(data), allocation);
}

TargetResponse modeSelect10(DriveContext& ctx, const Request& r) {
  if (r.at(1) & 0x01) return savingNotSupported();  // SP
  const std::uint32_t length = std::uint32_t(r.at(7)) << 8 | r.at(8);
  if (length > r.dataOut.size()) return invalidFieldInCdb();
  if (length == 0) return good();
  if (length < 8) return invalidFieldInParameterList();
  auto list = r.dataOut.first(length);
  std::size_t pos = 8 + scsi::getBe16(list, 6);  // skip block descriptors
  const bool wasTestWrite = ctx.pages.testWrite();
  while (pos + 2 <= list.size()) {
    const std::size_t pageBytes = std::size_t{2} + list[pos + 1];
    auto page = list.subspan(pos, std::min(pageBytes, list.size() - pos));
    if (!ctx.pages.selectPage(page)) return invalidFieldInParameterList();
    pos += pageBytes;
  }
  if (wasTestWrite && !ctx.pages.testWrite()) ctx.simulation.reset();  // leaving simulation drops the shadow disc
  return good();
}

}  // namespace kiln::vdrive::mmc
