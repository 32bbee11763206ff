#include "interop/usbredir/vdrive_bot_function.h"

namespace kiln::interop {

BotFunction::OutResult VdriveBotFunction::bulkOut(std::span<const std::uint8_t> data) {
  switch (device_.bulkOut(data).status) {
    case usb::TransferStatus::Ok: return OutResult::Accepted;
    case usb::TransferStatus::Timeout: return OutResult::Wait;
    default: return OutResult::Stall;
  }
}

InReply VdriveBotFunction::bulkIn(std::size_t maxBytes) {
  std::vector<std::uint8_t> buffer(maxBytes);
  const usb::TransferResult r = device_.bulkIn(buffer);
  switch (r.status) {
    case usb::TransferStatus::Ok: buffer.resize(r.length); return {InReply::Kind::Data, std::move(buffer)};
    case usb::TransferStatus::Stall: buffer.resize(r.length); return {InReply::Kind::Stall, std::move(buffer)};
    case usb::TransferStatus::Timeout: return {InReply::Kind::Wait, {}};
    default: return {InReply::Kind::Babble, {}};
  }
}

void VdriveBotFunction::massStorageReset() {
  usb::ControlSetup setup;
  setup.requestType = 0x21;
  setup.request = usb::kRequestBotReset;
  device_.control(setup, {});
}

void VdriveBotFunction::clearHalt(std::uint8_t endpointAddress) {
  if (endpointAddress == kEndpointBulkIn) device_.clearHalt(usb::Endpoint::BulkIn);
  if (endpointAddress == kEndpointBulkOut) device_.clearHalt(usb::Endpoint::BulkOut);
}

bool VdriveBotFunction::halted(std::uint8_t endpointAddress) const {
  if (endpointAddress == kEndpointBulkIn) return device_.inHalted();
  if (endpointAddress == kEndpointBulkOut) return device_.outHalted();
  return false;
}

void VdriveBotFunction::busReset() {
  massStorageReset();
  device_.clearHalt(usb::Endpoint::BulkIn);
  device_.clearHalt(usb::Endpoint::BulkOut);
}

}  // namespace kiln::interop
