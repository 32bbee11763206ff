#include "vdrive/bot_device.h"

#include <algorithm>
#include <limits>

namespace kiln::vdrive {

namespace {
constexpr std::uint32_t kUnlimited = std::numeric_limits<std::uint32_t>::max();
}

BotDevice::BotDevice(ScsiTarget& target, DataOutLength dataOutLength, FaultInjector& faults)
    : target_(target), dataOutLength_(std::move(dataOutLength)), faults_(faults) {}

TargetResponse BotDevice::execute(std::span<const std::uint8_t> dataOut) {
  // Let the target offer one byte more than the host can take: that is how cases 2, 7 and 10 (device has more
  // data than the host expects) become visible, without ever building an unbounded reply.
  const std::uint32_t hostIn = cbw_.dataIn ? cbw_.dataTransferLength : 0;
  return target_.execute(cbw_.cdb.view(), dataOut, hostIn == kUnlimited ? hostIn : hostIn + 1);
}

void BotDevice::queueCsw(usb::CswStatus status, std::uint32_t residue) {
  csw_ = usb::Csw{cbw_.tag, residue, status};
  if (phase_ != Phase::DataIn) phase_ = Phase::Status;
}

void BotDevice::queueIn(std::vector<std::uint8_t> data, bool stallAfter) {
  in_ = std::move(data);
  inPos_ = 0;
  stallAfterIn_ = stallAfter;
  phase_ = Phase::DataIn;
}

usb::TransferResult BotDevice::bulkOut(std::span<const std::uint8_t> data) {
  if (outHalted_) return {usb::TransferStatus::Stall, 0};
  if (phase_ == Phase::Command) {
    const auto cbw = usb::decodeCbw(data);
    if (!cbw || cbw->lun != 0) {  // not valid or not meaningful: stall both until Reset Recovery (§6.6.1)
      inHalted_ = outHalted_ = needsReset_ = true;
      return {usb::TransferStatus::Stall, 0};
    }
    startCommand(*cbw);
    return {usb::TransferStatus::Ok, data.size()};
  }
  if (phase_ == Phase::DataOut) {
    const std::size_t take = std::min<std::size_t>(data.size(), cbw_.dataTransferLength - out_.size());
    out_.insert(out_.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(take));
    if (out_.size() == cbw_.dataTransferLength) finishDataOut();
    return {usb::TransferStatus::Ok, take};
  }
  return {usb::TransferStatus::Timeout, 0};  // device is not expecting OUT data: it NAKs
}

void BotDevice::startCommand(const usb::Cbw& cbw) {
  cbw_ = cbw;
  out_.clear();
  outPhaseError_ = outStalled_ = false;
  const std::uint32_t hostLength = cbw.dataTransferLength;
  const bool hostIn = hostLength > 0 && cbw.dataIn;
  const bool hostOut = hostLength > 0 && !cbw.dataIn;
  if (faults_.consumeDrop()) {
    phase_ = Phase::Dropped;
    return;
  }
  if (faults_.consumePhaseError()) {
    if (hostOut) {
      outPhaseError_ = true;
      phase_ = Phase::DataOut;
    } else {
      if (hostIn) queueIn({}, true);
      queueCsw(usb::CswStatus::PhaseError, hostLength);
    }
    return;
  }
  deviceOut_ = dataOutLength_(cbw.cdb.view());
  const bool stall = faults_.consumeStall(cbw.cdb.opcode());
  if (deviceOut_ > 0) {  // Do
    if (!hostOut) {      // cases 3 (Hn) and 8 (Hi): the host will never send the data
      if (hostIn) queueIn({}, true);
      queueCsw(usb::CswStatus::PhaseError, hostLength);
      return;
    }
    if (stall) {  // injected: refuse the data-OUT phase
      target_.dataPhaseAborted(cbw.cdb.view());
      outHalted_ = true;
      queueCsw(usb::CswStatus::Failed, hostLength);
      return;
    }
    outPhaseError_ = hostLength < deviceOut_;  // case 13 (Ho < Do); cases 11/12 execute
    phase_ = Phase::DataOut;
    return;
  }
  if (hostOut) {  // cases 9/10: device wants no OUT data; stall bulk OUT, run the command
    outHalted_ = true;
    const TargetResponse r = execute({});
    queueCsw(!r.dataIn.empty() ? usb::CswStatus::PhaseError
             : r.status == scsi::Status::Good ? usb::CswStatus::Passed : usb::CswStatus::Failed,
             hostLength);
    return;
  }
  if (hostIn) {
    if (stall) {  // injected: the command runs, its data phase stalls
      execute({});
      target_.dataPhaseAborted(cbw.cdb.view());
      queueIn({}, true);
      queueCsw(usb::CswStatus::Failed, hostLength);
      return;
    }
    runInCommand();
    return;
  }
  runNoDataCommand();
}

void BotDevice::runInCommand() {
  TargetResponse r = execute({});
  const std::uint32_t hostLength = cbw_.dataTransferLength;
  if (r.dataIn.size() > hostLength) {  // case 7: send what fits, then phase error
    r.dataIn.resize(hostLength);
    queueIn(std::move(r.dataIn), false);
    queueCsw(usb::CswStatus::PhaseError, 0);
    return;
  }
  const auto sent = static_cast<std::uint32_t>(r.dataIn.size());
  // Shorter than asked: a short packet ends the transfer, unless the data ends on a packet boundary — then the
  // device stalls bulk IN (§6.7.2 cases 4/5).
  const bool stallAfter = sent < hostLength && sent % kMaxPacketBytes == 0;
  queueIn(std::move(r.dataIn), stallAfter);
  queueCsw(r.status == scsi::Status::Good ? usb::CswStatus::Passed : usb::CswStatus::Failed, hostLength - sent);
}

void BotDevice::runNoDataCommand() {
  const TargetResponse r = execute({});
  if (!r.dataIn.empty()) {  // case 2 (Hn < Di)
    queueCsw(usb::CswStatus::PhaseError, 0);
    return;
  }
  queueCsw(r.status == scsi::Status::Good ? usb::CswStatus::Passed : usb::CswStatus::Failed, 0);
}

void BotDevice::finishDataOut() {
  const std::uint32_t hostLength = cbw_.dataTransferLength;
  if (outPhaseError_) {
    queueCsw(usb::CswStatus::PhaseError, hostLength);
    return;
  }
  const TargetResponse r = execute(std::span<const std::uint8_t>(out_).first(deviceOut_));
  queueCsw(r.status == scsi::Status::Good ? usb::CswStatus::Passed : usb::CswStatus::Failed,
           hostLength - deviceOut_);
}

usb::TransferResult BotDevice::bulkIn(std::span<std::uint8_t> data) {
  if (inHalted_) return {usb::TransferStatus::Stall, 0};
  if (phase_ == Phase::DataIn) {
    const std::size_t n = std::min(data.size(), in_.size() - inPos_);
    std::copy_n(in_.begin() + static_cast<std::ptrdiff_t>(inPos_), n, data.begin());
    inPos_ += n;
    if (inPos_ < in_.size()) return {usb::TransferStatus::Ok, n};
    phase_ = Phase::Status;
    if (stallAfterIn_) {
      inHalted_ = true;
      if (n < data.size()) return {usb::TransferStatus::Stall, n};
    }
    return {usb::TransferStatus::Ok, n};
  }
  if (phase_ == Phase::Status) {
    if (data.size() < usb::kCswLength) return {usb::TransferStatus::Error, 0};  // babble
    const auto bytes = usb::encodeCsw(csw_);
    std::copy(bytes.begin(), bytes.end(), data.begin());
    phase_ = Phase::Command;
    ++completed_;
    return {usb::TransferStatus::Ok, usb::kCswLength};
  }
  return {usb::TransferStatus::Timeout, 0};
}

usb::TransferResult BotDevice::control(const usb::ControlSetup& setup, std::span<std::uint8_t> data) {
  if (setup.requestType == 0xA1 && setup.request == usb::kRequestGetMaxLun && !data.empty()) {
    data[0] = 0;  // one LUN
    return {usb::TransferStatus::Ok, 1};
  }
  if (setup.requestType == 0x21 && setup.request == usb::kRequestBotReset && setup.value == 0) {
    phase_ = Phase::Command;  // ready for the next CBW; halts stay until the host clears them (§5.3.4)
    needsReset_ = false;
    in_.clear();
    out_.clear();
    return {usb::TransferStatus::Ok, 0};
  }
  return {usb::TransferStatus::Stall, 0};
}

usb::TransferStatus BotDevice::clearHalt(usb::Endpoint endpoint) {
  if (needsReset_) return usb::TransferStatus::Ok;  // the device halts the endpoint again at once (§6.6.1)
  if (endpoint == usb::Endpoint::BulkIn) inHalted_ = false;
  else outHalted_ = false;
  return usb::TransferStatus::Ok;
}

}  // namespace kiln::vdrive
