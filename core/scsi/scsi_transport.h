#pragma once
// The one way core talks to a drive: execute one CDB with an optional data phase. SPC-4 §4.2 (command model).
// Implementations: usb::UsbBotTransport (USB Bulk-Only over a BulkPipe: WebUSB, libusb, the virtual drive's
// loopback) and native SG_IO. Sense becomes an IMAPI error in exactly one place: scsi/sense_map.h.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

namespace kiln::scsi {

/// A Command Descriptor Block of 6, 10, 12 or 16 bytes. Built only by the functions in scsi/cdb.h.
struct Cdb {
  std::array<std::uint8_t, 16> bytes{};
  std::uint8_t length = 0;
  std::uint8_t opcode() const { return bytes[0]; }
  std::span<const std::uint8_t> view() const { return {bytes.data(), length}; }
};

enum class DataDirection : std::uint8_t { None, In /* device → host */, Out /* host → device */ };

/// SCSI status byte values (SAM-5 §5.3.1).
enum class Status : std::uint8_t { Good = 0x00, CheckCondition = 0x02, Busy = 0x08 };

/// Fixed-format sense as the 18 bytes MMC drives return (SPC-4 §4.5.3); descriptor format is parsed into the
/// same fields by scsi::parseSense.
struct SenseData {
  bool valid = false;            ///< false when the transport could not obtain sense
  std::uint8_t key = 0;          ///< sense key (bits 3–0 of byte 2)
  std::uint8_t asc = 0;          ///< additional sense code
  std::uint8_t ascq = 0;         ///< additional sense code qualifier
  bool informationValid = false;
  std::uint32_t information = 0; ///< e.g. the failing LBA
  bool sksv = false;             ///< sense-key-specific valid (progress indication while blanking/closing)
  std::uint16_t progress = 0;    ///< sense-key-specific progress, 0..65535 (MMC-6 §4.4 / SPC-4 §4.5.2.4.4)
};

/// One command. `data` is the host buffer: filled for In, sent for Out, empty for None.
struct Command {
  Cdb cdb;
  DataDirection direction = DataDirection::None;
  std::span<std::uint8_t> data{};   ///< for Out the bytes are only read
  std::uint32_t timeoutMs = 30'000;
};

/// What the device answered. `transferred` is the data-phase length actually moved (for In: valid bytes in
/// `data`); `residue` = requested − transferred. On CheckCondition, `sense` holds the decoded sense (transports
/// fetch it with REQUEST SENSE / autosense).
struct Result {
  Status status = Status::Good;
  std::size_t transferred = 0;
  std::size_t residue = 0;
  SenseData sense{};
  bool good() const { return status == Status::Good; }
};

/// Executes CDBs. Throws kiln::Error only for transport failures (device gone: HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST;
/// timeout: E_IMAPI_RECORDER_COMMAND_TIMEOUT; unrecoverable protocol error:
/// E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE); a CHECK CONDITION is a normal Result.
class ScsiTransport {
 public:
  virtual ~ScsiTransport() = default;
  virtual Result execute(const Command& command) = 0;
};

}  // namespace kiln::scsi
