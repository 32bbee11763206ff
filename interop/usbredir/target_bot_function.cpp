#include "interop/usbredir/target_bot_function.h"

#include <algorithm>

namespace kiln::interop {

BotFunction::OutResult TargetBotFunction::bulkOut(std::span<const std::uint8_t> data) {
  if (haltOut_ || phase_ == Phase::NeedReset) return OutResult::Stall;
  if (phase_ == Phase::Command) {
    acceptCbw(data);
    return phase_ != Phase::NeedReset ? OutResult::Accepted : OutResult::Stall;
  }
  if (phase_ != Phase::DataOut) return OutResult::Wait;  // expecting IN/CSW: NAK the OUT token
  const std::size_t room = cbw_.dataTransferLength - outBuffer_.size();
  outBuffer_.insert(outBuffer_.end(), data.begin(), data.begin() + static_cast<std::ptrdiff_t>(std::min(room, data.size())));
  if (outBuffer_.size() >= cbw_.dataTransferLength) execute(outBuffer_);
  return OutResult::Accepted;
}

void TargetBotFunction::acceptCbw(std::span<const std::uint8_t> bytes) {
  const auto cbw = usb::decodeCbw(bytes);
  if (!cbw) {
    // BOT §6.6.1: an invalid CBW halts both endpoints until a Reset Recovery.
    phase_ = Phase::NeedReset;
    haltIn_ = haltOut_ = true;
    return;
  }
  cbw_ = *cbw;
  outBuffer_.clear();
  inData_.clear();
  inSent_ = 0;
  lastInShort_ = false;
  stallInBeforeCsw_ = false;
  if (cbw_.dataTransferLength > 0 && !cbw_.dataIn) {
    phase_ = Phase::DataOut;
    return;
  }
  execute({});
}

void TargetBotFunction::execute(std::span<const std::uint8_t> dataOut) {
  const std::uint32_t expectedIn = cbw_.dataIn ? cbw_.dataTransferLength : 0;
  vdrive::TargetResponse r = target_.execute(cbw_.cdb.view(), dataOut, expectedIn);
  csw_.tag = cbw_.tag;
  csw_.status = r.status == scsi::Status::Good ? usb::CswStatus::Passed : usb::CswStatus::Failed;
  if (cbw_.dataIn && cbw_.dataTransferLength > 0) {
    inData_ = std::move(r.dataIn);
    if (inData_.size() > cbw_.dataTransferLength) inData_.resize(cbw_.dataTransferLength);
    csw_.residue = cbw_.dataTransferLength - static_cast<std::uint32_t>(inData_.size());
    // A failed command with nothing to send halts bulk IN, as drives behind USB bridges do (BOT §6.7.2 case 4).
    stallInBeforeCsw_ = inData_.empty();
    phase_ = Phase::DataIn;
  } else {
    csw_.residue = cbw_.dataIn ? 0 : cbw_.dataTransferLength - static_cast<std::uint32_t>(std::min<std::size_t>(dataOut.size(), cbw_.dataTransferLength));
    phase_ = Phase::Status;
  }
}

InReply TargetBotFunction::bulkIn(std::size_t maxBytes) {
  if (haltIn_) return {InReply::Kind::Stall, {}};
  switch (phase_) {
    case Phase::DataIn: return dataInReply(maxBytes);
    case Phase::Status: return statusReply();
    case Phase::NeedReset: return {InReply::Kind::Stall, {}};
    default: return {InReply::Kind::Wait, {}};
  }
}

InReply TargetBotFunction::dataInReply(std::size_t maxBytes) {
  if (stallInBeforeCsw_) {
    stallInBeforeCsw_ = false;
    haltIn_ = true;
    phase_ = Phase::Status;
    return {InReply::Kind::Stall, {}};
  }
  const std::size_t left = inData_.size() - inSent_;
  if (left == 0) {
    // All data sent in full-length replies but the host expects more: end the transfer with a ZLP (BOT §6.7.2).
    phase_ = Phase::Status;
    return {InReply::Kind::Data, {}};
  }
  const std::size_t n = std::min(left, maxBytes);
  InReply reply{InReply::Kind::Data, {inData_.begin() + static_cast<std::ptrdiff_t>(inSent_),
                                      inData_.begin() + static_cast<std::ptrdiff_t>(inSent_ + n)}};
  inSent_ += n;
  lastInShort_ = n < maxBytes;
  if (inSent_ == inData_.size() && (lastInShort_ || inSent_ == cbw_.dataTransferLength)) phase_ = Phase::Status;
  return reply;
}

InReply TargetBotFunction::statusReply() {
  const auto bytes = usb::encodeCsw(csw_);
  phase_ = Phase::Command;
  return {InReply::Kind::Data, {bytes.begin(), bytes.end()}};
}

void TargetBotFunction::massStorageReset() {
  phase_ = Phase::Command;
  outBuffer_.clear();
  inData_.clear();
}

void TargetBotFunction::clearHalt(std::uint8_t endpointAddress) {
  if (phase_ == Phase::NeedReset) return;  // BOT §6.6.1: halts persist until the reset
  if (endpointAddress == kEndpointBulkIn) haltIn_ = false;
  if (endpointAddress == kEndpointBulkOut) haltOut_ = false;
}

bool TargetBotFunction::halted(std::uint8_t endpointAddress) const {
  return endpointAddress == kEndpointBulkIn ? haltIn_ : endpointAddress == kEndpointBulkOut ? haltOut_ : false;
}

void TargetBotFunction::busReset() {
  massStorageReset();
  haltIn_ = haltOut_ = false;
}

}  // namespace kiln::interop
