#pragma once
// The USB pipes a Bulk-Only mass-storage interface needs (USB MSC BOT 1.0 §3, §5), abstracted so one
// UsbBotTransport runs over WebUSB (wasm/), libusb (native-helper/) and the virtual drive's loopback (vdrive/).
#include <cstddef>
#include <cstdint>
#include <span>

namespace kiln::usb {

enum class Endpoint : std::uint8_t { BulkIn, BulkOut };

/// Outcome of one transfer. A STALL is a normal protocol event (BOT §6.7), not an exception.
enum class TransferStatus : std::uint8_t {
  Ok,            ///< completed; `length` bytes moved (a short IN transfer is Ok with fewer bytes)
  Stall,         ///< endpoint halted; host must CLEAR_FEATURE(ENDPOINT_HALT)
  Timeout,       ///< no completion within the timeout
  Disconnected,  ///< device gone
  Error,         ///< any other I/O error (babble, CRC, …)
};

struct TransferResult {
  TransferStatus status = TransferStatus::Ok;
  std::size_t length = 0;  ///< bytes actually transferred
};

/// A class-specific control request to the mass-storage interface (BOT §3.1 reset FFh, §3.2 Get Max LUN FEh).
struct ControlSetup {
  std::uint8_t requestType = 0;  ///< bmRequestType, e.g. 0x21 (class, interface, OUT) or 0xA1 (IN)
  std::uint8_t request = 0;      ///< bRequest
  std::uint16_t value = 0;
  std::uint16_t index = 0;       ///< interface number
};

inline constexpr std::uint8_t kRequestBotReset = 0xFF;
inline constexpr std::uint8_t kRequestGetMaxLun = 0xFE;

/// Host side of the pipes. Implementations never throw for STALL/timeout (they are statuses);
/// they may throw kiln::Error on programming errors only.
class BulkPipe {
 public:
  virtual ~BulkPipe() = default;
  virtual TransferResult bulkOut(std::span<const std::uint8_t> data, std::uint32_t timeoutMs) = 0;
  virtual TransferResult bulkIn(std::span<std::uint8_t> data, std::uint32_t timeoutMs) = 0;
  /// `data` is sent for OUT requests (bit 7 of requestType clear) and filled for IN requests.
  virtual TransferResult control(const ControlSetup& setup, std::span<std::uint8_t> data, std::uint32_t timeoutMs) = 0;
  /// CLEAR_FEATURE(ENDPOINT_HALT) on one bulk endpoint (USB 2.0 §9.4.1).
  virtual TransferStatus clearHalt(Endpoint endpoint) = 0;
  /// Interface number used in class requests (wIndex).
  virtual std::uint16_t interfaceNumber() const { return 0; }
};

}  // namespace kiln::usb
