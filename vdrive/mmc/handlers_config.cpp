// GET CONFIGURATION (MMC-6 §6.6): feature header with the current profile, then feature descriptors (MMC-6 §5.3)
// in ascending order. RT 00b: all features from the starting number; 01b: only current ones; 10b: exactly one.
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

constexpr std::uint16_t kProfileNone = 0x0000, kProfileCdRom = 0x0008, kProfileCdR = 0x0009, kProfileCdRw = 0x000A;

struct Feature {
  std::uint16_t code;
  bool current;
  std::vector<std::uint8_t> bytes;  ///< whole descriptor (4-byte header + data)
};

Feature feature(std::uint16_t code, std::uint8_t version, bool persistent, bool current,
                std::vector<std::uint8_t> data) {
  std::vector<std::uint8_t> d = {static_cast<std::uint8_t>(code >> 8), static_cast<std::uint8_t>(code),
                                 static_cast<std::uint8_t>(version << 2 | (persistent ? 2 : 0) | (current ? 1 : 0)),
                                 static_cast<std::uint8_t>(data.size())};
  d.insert(d.end(), data.begin(), data.end());
  return {code, current, std::move(d)};
}

std::uint16_t currentProfile(const DriveContext& ctx) {
  if (!ctx.mediumPresent()) return kProfileNone;
  return ctx.medium.kind() == MediaKind::CdRw80 ? kProfileCdRw : kProfileCdR;
}

std::vector<std::uint8_t> profileList(std::uint16_t current) {
  std::vector<std::uint8_t> d;
  for (std::uint16_t p : {kProfileCdRw, kProfileCdR, kProfileCdRom}) {
    // A recordable disc also reads as CD-ROM; only the media's own profile is flagged current here.
    d.insert(d.end(), {static_cast<std::uint8_t>(p >> 8), static_cast<std::uint8_t>(p),
                       static_cast<std::uint8_t>(p == current ? 1 : 0), 0});
  }
  return d;
}

std::vector<Feature> features(const DriveContext& ctx) {
  const bool medium = ctx.mediumPresent();
  const bool writable = medium && ctx.medium.discStatus() != DiscStatus::Complete;
  const bool rw = ctx.medium.kind() == MediaKind::CdRw80 && medium;
  std::vector<Feature> f;
  f.push_back(feature(0x0000, 0, true, true, profileList(currentProfile(ctx))));
  f.push_back(feature(0x0001, 2, true, true, {0, 0, 0, 0x08, 0x01, 0, 0, 0}));  // Core: USB, DBE
  f.push_back(feature(0x0002, 1, true, true, {0x02, 0, 0, 0}));  // Morphing: OCEvent
  f.push_back(feature(0x0003, 0, true, true, {0x29, 0, 0, 0}));  // Removable: tray, eject, lock
  f.push_back(feature(0x0010, 0, false, medium && !ctx.medium.state().tracks.empty(), {0, 0, 0x08, 0x00, 0x00, 0x01, 0x00, 0x00}));  // 2048, blocking 1
  f.push_back(feature(0x001D, 0, false, medium, {}));                       // Multi-Read
  f.push_back(feature(0x001E, 2, false, medium, {0x01, 0, 0, 0}));         // CD Read: CD-TEXT (READ TOC 5), no C2
  // Random Readable is current only with something recorded to read (a blank disc is not readable).
  // CD Track at Once: BUF, Test Write, CD-RW; data block types written: 0 (2352 audio) only.
  f.push_back(feature(0x002D, 2, false, writable, {0x46, 0, 0x00, 0x01}));
  // CD Mastering: BUF, SAO, raw MS, raw, test write, CD-RW, R-W; max cue sheet length 64 KiB.
  f.push_back(feature(0x002E, 0, false, writable, {0x7F, 0x01, 0x00, 0x00}));
  f.push_back(feature(0x0037, 0, false, rw, {0, 0x01, 0, 0}));  // CD-RW Media Write Support (subtype 0)
  f.push_back(feature(0x0100, 0, true, true, {}));             // Power Management
  f.push_back(feature(0x0105, 0, true, true, {0, 0, 0, 0}));   // Timeout
  f.push_back(feature(0x0107, 3, false, true, {0x0A, 0, 0, 0}));  // Real-Time Streaming: SCS, WSPD
  return f;
}

}  // namespace

TargetResponse getConfiguration(DriveContext& ctx, const Request& r) {
  const std::uint8_t rt = r.at(1) & 0x03;
  if (rt == 3) return invalidFieldInCdb();
  const std::uint16_t start = static_cast<std::uint16_t>(r.at(2) << 8 | r.at(3));
  const std::uint32_t allocation = std::uint32_t(r.at(7)) << 8 | r.at(8);
  std::vector<std::uint8_t> data(8, 0);
  scsi::putBe16(data, 6, currentProfile(ctx));
  for (const Feature& f : features(ctx)) {
    const bool wanted = rt == 2 ? f.code == start : f.code >= start && (rt == 0 || f.current);
    if (wanted) data.insert(data.end(), f.bytes.begin(), f.bytes.end());
  }
  scsi::putBe32(data, 0, static_cast<std::uint32_t>(data.size() - 4));
  return goodData(std::move(data), allocation);
}

}  // namespace kiln::vdrive::mmc
