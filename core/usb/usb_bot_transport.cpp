#include "core/usb/usb_bot_transport.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/imapi/error.h"
#include "core/scsi/cdb.h"
#include "core/scsi/sense.h"

namespace kiln::usb {
namespace {

constexpr std::uint8_t kRequestTypeClassInterfaceOut = 0x21;  // BOT §3.1
constexpr std::uint8_t kRequestTypeClassInterfaceIn = 0xA1;   // BOT §3.2
constexpr std::uint8_t kSenseLength = 18;                     // fixed-format sense, SPC-4 §4.5.3

std::uint32_t expectedLength(const scsi::Command& command) {
  if (command.direction == scsi::DataDirection::None) return 0;
  return static_cast<std::uint32_t>(command.data.size());
}

std::string commandName(const scsi::Command& command) { return std::string(scsi::opcodeName(command.cdb.opcode())); }

}  // namespace

UsbBotTransport::UsbBotTransport(BulkPipe& pipe, UsbBotOptions options)
    : pipe_(pipe), options_(options), nextTag_(options.firstTag) {
  if (options_.maxTransferBytes == 0) options_.maxTransferBytes = 64 * 1024;
}

void UsbBotTransport::throwIfFatal(TransferStatus status, const scsi::Command& command, const char* phase) {
  if (status == TransferStatus::Disconnected)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST,
                "USB device disconnected during the " + std::string(phase) + " of " + commandName(command));
  if (status == TransferStatus::Timeout) {
    resetRecovery();  // BOT §5.3.4: the device may still be mid-command; bring both ends back to the CBW state
    throw Error(HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT,
                commandName(command) + " timed out during the " + phase + " (timeout " +
                    std::to_string(command.timeoutMs) + " ms)");
  }
}

bool UsbBotTransport::sendCbw(const scsi::Command& command, std::uint32_t tag, std::uint32_t expected) {
  Cbw cbw;
  cbw.tag = tag;
  cbw.dataTransferLength = expected;
  cbw.dataIn = command.direction == scsi::DataDirection::In;
  cbw.lun = options_.lun;
  cbw.cdb = command.cdb;
  const auto wire = encodeCbw(cbw);
  const TransferResult r = pipe_.bulkOut(wire, command.timeoutMs);
  throwIfFatal(r.status, command, "command phase");
  // A STALLed or short CBW means the device did not accept it as valid: reset recovery (BOT §6.6.1).
  return r.status == TransferStatus::Ok && r.length == wire.size();
}

bool UsbBotTransport::transferData(const scsi::Command& command, std::size_t& moved) {
  const bool in = command.direction == scsi::DataDirection::In;
  const Endpoint endpoint = in ? Endpoint::BulkIn : Endpoint::BulkOut;
  while (moved < command.data.size()) {
    const std::size_t chunk = std::min(options_.maxTransferBytes, command.data.size() - moved);
    auto part = command.data.subspan(moved, chunk);
    const TransferResult r = in ? pipe_.bulkIn(part, command.timeoutMs) : pipe_.bulkOut(part, command.timeoutMs);
    throwIfFatal(r.status, command, "data phase");
    if (r.status == TransferStatus::Stall) {
      // The device ended the data phase early (BOT §6.7.2 Hi > Di, §6.7.3 Ho > Do): clear it, then read the CSW.
      pipe_.clearHalt(endpoint);
      return true;
    }
    if (r.status != TransferStatus::Ok) return false;
    moved += std::min(r.length, chunk);
    if (r.length < chunk) return true;  // short packet ends the data phase (BOT §6.7.2)
  }
  return true;
}

bool UsbBotTransport::readCsw(const scsi::Command& command, std::uint32_t tag, std::uint32_t expected, Csw& csw) {
  std::array<std::uint8_t, kCswLength> wire{};
  for (int attempt = 0; attempt < 2; ++attempt) {
    const TransferResult r = pipe_.bulkIn(wire, command.timeoutMs);
    throwIfFatal(r.status, command, "status phase");
    if (r.status == TransferStatus::Stall) {
      // BOT §5.3.3 / §6.7.2: clear the halt on bulk IN and try the CSW once more.
      pipe_.clearHalt(Endpoint::BulkIn);
      continue;
    }
    if (r.status != TransferStatus::Ok) return false;
    const auto received = std::span<const std::uint8_t>(wire).first(std::min(r.length, wire.size()));
    return checkCsw(received, tag, expected, &csw) == CswCheck::Valid;
  }
  return false;
}

UsbBotTransport::Attempt UsbBotTransport::runOnce(const scsi::Command& command) {
  Attempt attempt;
  const std::uint32_t tag = nextTag_++;
  const std::uint32_t expected = expectedLength(command);
  if (!sendCbw(command, tag, expected)) return {true};
  if (expected > 0 && !transferData(command, attempt.moved)) return {true};
  if (!readCsw(command, tag, expected, attempt.csw)) return {true};
  attempt.needsReset = attempt.csw.status == CswStatus::PhaseError;
  return attempt;
}

scsi::SenseData UsbBotTransport::fetchSense(std::uint32_t timeoutMs) {
  std::array<std::uint8_t, kSenseLength> buffer{};
  scsi::Command sense;
  sense.cdb = scsi::cdb::requestSense(kSenseLength);
  sense.direction = scsi::DataDirection::In;
  sense.data = buffer;
  sense.timeoutMs = timeoutMs;
  const Attempt attempt = runOnce(sense);
  if (attempt.needsReset) {
    resetRecovery();
    return {};
  }
  if (attempt.csw.status != CswStatus::Passed) return {};
  const std::size_t valid = std::min<std::size_t>(attempt.moved, kSenseLength - attempt.csw.residue);
  return scsi::parseSense(std::span<const std::uint8_t>(buffer).first(valid));
}

scsi::Result UsbBotTransport::execute(const scsi::Command& command) {
  Attempt attempt = runOnce(command);
  if (attempt.needsReset) {
    resetRecovery();
    attempt = runOnce(command);  // one retry after reset recovery (BOT §5.3.4)
    if (attempt.needsReset) {
      resetRecovery();
      throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE,
                  commandName(command) + ": USB Bulk-Only phase error or invalid CSW, also after reset recovery");
    }
  }
  const std::size_t expected = expectedLength(command);
  scsi::Result result;
  // The CSW residue is what the device did not process (BOT §5.2); for OUT it can exceed what the bus left over.
  result.transferred = std::min(attempt.moved, expected - std::min<std::size_t>(attempt.csw.residue, expected));
  result.residue = expected - result.transferred;
  if (attempt.csw.status == CswStatus::Failed) {
    result.status = scsi::Status::CheckCondition;
    result.sense = fetchSense(command.timeoutMs);
  }
  return result;
}

void UsbBotTransport::resetRecovery() {
  const ControlSetup reset{kRequestTypeClassInterfaceOut, kRequestBotReset, 0, pipe_.interfaceNumber()};
  const TransferResult r = pipe_.control(reset, {}, options_.controlTimeoutMs);
  const TransferStatus in = pipe_.clearHalt(Endpoint::BulkIn);
  const TransferStatus out = pipe_.clearHalt(Endpoint::BulkOut);
  if (r.status == TransferStatus::Disconnected || in == TransferStatus::Disconnected ||
      out == TransferStatus::Disconnected)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST, "USB device disconnected during reset recovery");
}

std::uint8_t UsbBotTransport::getMaxLun() {
  std::array<std::uint8_t, 1> maxLun{};
  const ControlSetup setup{kRequestTypeClassInterfaceIn, kRequestGetMaxLun, 0, pipe_.interfaceNumber()};
  const TransferResult r = pipe_.control(setup, maxLun, options_.controlTimeoutMs);
  if (r.status == TransferStatus::Disconnected)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST, "USB device disconnected during GET MAX LUN");
  // Devices without multiple LUNs may STALL this request (BOT §3.2): that means LUN 0 only.
  if (r.status != TransferStatus::Ok || r.length < 1) return 0;
  return static_cast<std::uint8_t>(std::min<unsigned>(maxLun[0], 15));
}

}  // namespace kiln::usb
