#include "vdrive/mmc_device.h"

#include <array>

#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive {

namespace {

using namespace mmc;

enum Flags : std::uint8_t {
  kNeedsMedium = 1,     ///< 2/3A/00 without a medium; subject to the not-ready fault
  kNoUnitAttention = 2, ///< never reports a pending unit attention (SPC-4 §5.9 / MMC-6 §4.1.6.1)
};

struct Entry {
  Handler handler = nullptr;
  std::uint8_t flags = 0;
};

/// The one opcode table. Everything absent (READ DISC STRUCTURE ADh, READ BUFFER 3Ch, RESERVE TRACK 53h,
/// vendor E5h, …)
/// answers 5/20/00 INVALID COMMAND OPERATION CODE.
const std::array<Entry, 256>& table() {
  static const std::array<Entry, 256> t = [] {
    std::array<Entry, 256> a{};
    a[0x00] = {testUnitReady, kNeedsMedium};
    a[0x01] = {rezeroUnit, 0};
    a[0x03] = {requestSense, kNoUnitAttention};
    a[0x12] = {inquiry, kNoUnitAttention};
    a[0x1B] = {startStopUnit, 0};
    a[0x1E] = {preventAllow, 0};
    a[0x25] = {readCapacity, kNeedsMedium};
    a[0x28] = {read10, kNeedsMedium};
    a[0x2A] = {write10, kNeedsMedium};
    a[0x35] = {synchronizeCache, 0};
    a[0x42] = {readSubchannel, kNeedsMedium};
    a[0x43] = {readTocPmaAtip, kNeedsMedium};
    a[0x44] = {readHeader, kNeedsMedium};
    a[0x46] = {getConfiguration, kNoUnitAttention};
    a[0x4A] = {getEventStatus, kNoUnitAttention};
    a[0x51] = {readDiscInformation, kNeedsMedium};
    a[0x52] = {readTrackInformation, kNeedsMedium};
    a[0x54] = {sendOpcInformation, kNeedsMedium};
    a[0x55] = {modeSelect10, 0};
    a[0x5A] = {modeSense10, 0};
    a[0x5B] = {closeTrackSession, kNeedsMedium};
    a[0x5C] = {readBufferCapacity, 0};
    a[0x5D] = {sendCueSheet, kNeedsMedium};
    a[0xA1] = {blank, kNeedsMedium};
    a[0xAA] = {write12, kNeedsMedium};
    a[0xAC] = {getPerformance, 0};
    a[0xBB] = {setCdSpeed, 0};
    a[0xBE] = {readCd, kNeedsMedium};
    return a;
  }();
  return t;
}

/// CDB length by opcode group (SPC-4 §4.2.5.1): 6, 10, 10, -, -, 12 bytes.
std::size_t cdbLength(std::uint8_t opcode) {
  switch (opcode >> 5) {
    case 0: return 6;
    case 1:
    case 2: return 10;
    case 5: return 12;
    default: return 16;
  }
}

Medium openMedium(MediumStore& store, MediaKind blankKind, bool& changed) {
  auto saved = store.loadState();
  changed = !saved;
  MediumState state = saved ? *saved : MediumState{};
  if (!saved) state.kind = blankKind;
  if (!state.tracks.empty() && state.tracks.back().open) {
    // Interrupted run: the track ends at the last sector that reached the store.
    TrackRecord& t = state.tracks.back();
    const std::int32_t written = store.highestWrittenLba() - t.start + 1;
    t.length = written > 0 ? written : 0;
    t.open = false;
    changed = true;
  }
  return Medium(std::move(state));
}

}  // namespace

MmcDevice::MmcDevice(MediumStore& store, MediaKind blankKind, Clock& clock, FaultInjector& faults,
                     DriveOptions options) {
  bool changed = false;
  Medium medium = openMedium(store, blankKind, changed);
  ctx_ = std::make_unique<DriveContext>(store, clock, faults, std::move(options), std::move(medium));
  ctx_->readSpeedKbs = speedKbPerSecond(kMaxReadSpeedX);
  ctx_->writeSpeedKbs = speedKbPerSecond(kWriteSpeedsX.back());
  if (changed) ctx_->persist();
}

TargetResponse MmcDevice::execute(std::span<const std::uint8_t> cdb, std::span<const std::uint8_t> dataOut,
                                  std::uint32_t expectedInLength) {
  DriveContext& ctx = *ctx_;
  TargetResponse response = [&]() -> TargetResponse {
    if (cdb.empty()) return invalidOpcode();
    const Entry& entry = table()[cdb[0]];
    if (cdb[0] != 0x03) ctx.pendingSense.reset();
    if (ctx.faults.consumeUnitAttention()) ctx.unitAttention = true;
    if (!entry.handler) return invalidOpcode();
    if (cdb.size() < cdbLength(cdb[0])) return invalidFieldInCdb();
    if (ctx.unitAttention && !(entry.flags & kNoUnitAttention)) {
      ctx.unitAttention = false;
      return mediumMayHaveChanged();
    }
    if (entry.flags & kNeedsMedium) {
      if (!ctx.mediumPresent()) return mediumNotPresent();
      if (ctx.faults.consumeNotReady(ctx.clock.nowMs())) return becomingReady();
    }
    return entry.handler(ctx, Request{cdb, dataOut, expectedInLength});
  }();
  if (response.dataIn.size() > expectedInLength) response.dataIn.resize(expectedInLength);
  if (response.status == scsi::Status::CheckCondition) ctx.pendingSense = response;
  return response;
}

std::uint32_t MmcDevice::expectedDataOut(std::span<const std::uint8_t> cdb) const {
  if (cdb.empty() || cdb.size() < cdbLength(cdb[0])) return 0;
  const ModePages& pages = ctx_->pages;
  // SAO: the cue sheet sets the sector format, page 05h block types 0–3 only add the host's sub-channel.
  const bool saoSub = pages.writeType() == kWriteSao && pages.dataBlockType() <= 3;
  const std::uint32_t block = pages.writeType() == kWriteTao || pages.writeType() == kWriteRaw || saoSub
                                  ? ModePages::blockBytes(pages.dataBlockType())
                                  : static_cast<std::uint32_t>(kSectorBytes);
  switch (cdb[0]) {
    case 0x2A: return scsi::getBe16(cdb, 7) * block;
    case 0xAA: return scsi::getBe32(cdb, 6) * block;
    case 0x55:
    case 0x54: return scsi::getBe16(cdb, 7);
    case 0x5D: return scsi::getBe24(cdb, 6);
    default: return 0;
  }
}

void MmcDevice::dataPhaseAborted(std::span<const std::uint8_t>) {
  ctx_->pendingSense = checkCondition(0x0B, 0x4B, 0x00);  // ABORTED COMMAND, DATA PHASE ERROR
}

void MmcDevice::openTray() {
  if (ctx_->trayOpen) return;
  const std::uint8_t eject[6] = {0x1B, 0, 0, 0, 0x02, 0};
  const bool prevented = ctx_->preventRemoval;
  ctx_->preventRemoval = false;  // the user's button press is not subject to PREVENT (models a forced eject)
  mmc::startStopUnit(*ctx_, mmc::Request{eject, {}});
  ctx_->preventRemoval = prevented;
}

void MmcDevice::setDiscInserted(bool inserted) {
  if (inserted == ctx_->discInserted) return;
  if (!inserted) {
    openTray();
    ctx_->discInserted = false;
    ctx_->trayOpen = false;
    return;
  }
  ctx_->discInserted = true;
  ctx_->trayOpen = true;
  closeTray();
}

void MmcDevice::closeTray() {
  const std::uint8_t load[6] = {0x1B, 0, 0, 0, 0x03, 0};
  mmc::startStopUnit(*ctx_, mmc::Request{load, {}});
}

}  // namespace kiln::vdrive
