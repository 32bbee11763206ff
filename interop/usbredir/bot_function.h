#pragma once
// The device side of one USB mass-storage Bulk-Only interface as the usbredir front end drives it: bulk OUT
// packets go in, bulk IN replies (data, CSW, STALL) come out (USB MSC BOT 1.0 §5, §6). The front end knows only
// USB; everything SCSI lives behind this interface (the virtual drive's BOT device, or TargetBotFunction for --stub).
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace kiln::interop {

inline constexpr std::uint8_t kEndpointBulkIn = 0x81;   ///< bEndpointAddress of bulk IN (USB 2.0 §9.6.6)
inline constexpr std::uint8_t kEndpointBulkOut = 0x02;  ///< bEndpointAddress of bulk OUT

/// What the bulk IN endpoint answers to one IN request of at most `maxBytes` bytes.
struct InReply {
  enum class Kind : std::uint8_t {
    Data,   ///< `bytes` (possibly fewer than asked: a short packet ends the transfer; may be empty = ZLP)
    Stall,  ///< the endpoint halts (BOT §6.7), after `bytes` (may be empty); cleared by CLEAR_FEATURE(ENDPOINT_HALT)
    Wait,   ///< the device NAKs (nothing to send yet, or a dropped command): keep the request queued
    Babble, ///< the device would send more than the host asked for (e.g. a CSW into a < 13-byte request)
  };
  Kind kind = Kind::Wait;
  std::vector<std::uint8_t> bytes;
};

/// One Bulk-Only interface, LUN 0..maxLun (BOT §3, §5, §6).
class BotFunction {
 public:
  virtual ~BotFunction() = default;
  enum class OutResult : std::uint8_t {
    Accepted,  ///< all bytes taken
    Stall,     ///< the OUT endpoint halts
    Wait,      ///< the device NAKs (not expecting OUT data now): keep the packet queued
  };
  /// One bulk OUT transfer (a CBW or data-out bytes).
  virtual OutResult bulkOut(std::span<const std::uint8_t> data) = 0;
  /// One bulk IN request for at most `maxBytes` bytes.
  virtual InReply bulkIn(std::size_t maxBytes) = 0;
  /// Bulk-Only Mass Storage Reset, class request FFh (BOT §3.1): back to waiting for a CBW; halts stay set.
  virtual void massStorageReset() = 0;
  /// CLEAR_FEATURE(ENDPOINT_HALT) for `endpointAddress` (USB 2.0 §9.4.1, BOT §6.6.1).
  virtual void clearHalt(std::uint8_t endpointAddress) = 0;
  /// True while `endpointAddress` is halted (GET_STATUS(endpoint), USB 2.0 §9.4.5).
  virtual bool halted(std::uint8_t endpointAddress) const = 0;
  /// Answer to Get Max LUN, class request FEh (BOT §3.2).
  virtual std::uint8_t maxLun() const { return 0; }
  /// USB bus/port reset: as after power-on (no halts, waiting for a CBW).
  virtual void busReset() = 0;
};

}  // namespace kiln::interop
