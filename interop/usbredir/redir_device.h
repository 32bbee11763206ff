#pragma once
// The device-owning side of the usbredir protocol (usbredir's usb-redirection-protocol.md, as implemented by
// Debian's libusbredirparser with usbredirparser_fl_usb_host) for one USB mass-storage function. QEMU's
// `usb-redir` device is the peer: it forwards the guest's control and bulk transfers as packets and expects
// exactly one reply per packet id. Bulk IN requests are held until the BotFunction has something to send.
#include <atomic>
#include <cstdint>
#include <deque>
#include <string>

#include "interop/usbredir/bot_function.h"
#include "interop/usbredir/usb_descriptors.h"

struct usbredirparser;
struct usb_redir_control_packet_header;
struct usb_redir_bulk_packet_header;

namespace kiln::interop {

class RedirDevice {
 public:
  /// Serves `function` on the connected stream socket `fd` (not owned). `verbose` logs packets to stderr.
  RedirDevice(int fd, BotFunction& function, UsbIdentity identity, bool verbose);
  ~RedirDevice();
  RedirDevice(const RedirDevice&) = delete;
  RedirDevice& operator=(const RedirDevice&) = delete;

  /// Runs until the peer closes the connection or `stop` becomes true; then sends device_disconnect and waits
  /// up to 2 s for its ack (clean disconnect). Returns false if the connection failed with an I/O error.
  bool run(const std::atomic<bool>& stop);

  // libusbredirparser callbacks (public so the C trampolines can reach them).
  void onHello();
  void onControl(std::uint64_t id, const usb_redir_control_packet_header& h, const std::uint8_t* data, int len);
  void onBulk(std::uint64_t id, const usb_redir_bulk_packet_header& h, const std::uint8_t* data, int len);
  void onCancel(std::uint64_t id);
  void onReset();
  void onSetConfiguration(std::uint64_t id, std::uint8_t configuration);
  void onGetConfiguration(std::uint64_t id);
  void onSetAltSetting(std::uint64_t id, std::uint8_t interface, std::uint8_t alt);
  void onGetAltSetting(std::uint64_t id, std::uint8_t interface);
  void onDisconnectAck() { disconnectAcked_ = true; }
  int readBytes(std::uint8_t* data, int count);
  int writeBytes(std::uint8_t* data, int count);
  void log(int level, const char* msg);

 private:
  struct PendingIn {
    std::uint64_t id;
    std::uint8_t endpoint;
    std::uint32_t length;  ///< bytes the host asked for
  };

  void sendDeviceInfo();
  void pumpBulkIn();
  void replyControl(std::uint64_t id, const usb_redir_control_packet_header& h, std::uint8_t status,
                    const std::uint8_t* data, int len);
  void replyBulk(std::uint64_t id, std::uint8_t endpoint, std::uint8_t status, const std::uint8_t* data,
                 std::uint32_t len);
  bool standardRequest(std::uint64_t id, const usb_redir_control_packet_header& h);
  bool flush();
  void disconnect();

  int fd_;
  BotFunction& function_;
  UsbIdentity identity_;
  bool verbose_;
  usbredirparser* parser_ = nullptr;
  std::deque<PendingIn> pendingIn_;
  std::uint8_t configuration_ = 0;
  bool peerClosed_ = false, ioError_ = false, connected_ = false, disconnectAcked_ = false;
};

}  // namespace kiln::interop
