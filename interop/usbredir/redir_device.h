#pragma once
// The device-owning side of the usbredir protocol (usbredir's usb-redirection-protocol.md, as implemented by
// Debian's libusbredirparser with usbredirparser_fl_usb_host) for one USB mass-storage function. QEMU's
// `usb-redir` device is the peer: it forwards the guest's control and bulk transfers as packets and expects
// exactly one reply per packet id. Bulk IN requests are held until the BotFunction has something to send.
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

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
  /// `idle` (optional) runs once per loop turn (at least every 100 ms), e.g. to arm faults on request.
  bool run(const std::atomic<bool>& stop, const std::function<void()>& idle = {});
  /// One turn of the loop: waits up to `timeoutMs` for the socket, parses what arrived, writes what is queued.
  /// Returns false once the peer closed the connection or an I/O error happened.
  bool step(int timeoutMs);
  /// True after device_connect was sent (the peer said hello) and until device_disconnect.
  bool connected() const { return connected_; }
  /// Queues device_disconnect (the device is unplugged); the peer answers with device_disconnect_ack.
  void sendDisconnect();
  bool disconnectAcked() const { return disconnectAcked_; }
  /// Bulk packets waiting for the device (IN: no data yet; OUT: NAKed).
  std::size_t pendingInCount() const { return pendingIn_.size(); }

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
  /// A bulk packet the device has not answered yet (IN: waiting for data; OUT: NAKed).
  struct Pending {
    std::uint64_t id;
    std::uint8_t endpoint;
    std::uint32_t length;              ///< IN: bytes the host asked for
    std::vector<std::uint8_t> data;    ///< OUT: the bytes
  };

  void sendDeviceInfo();
  /// Answers queued bulk packets until the device NAKs both directions.
  void pump();
  bool pumpOneIn();
  bool pumpOneOut();
  void replyControl(std::uint64_t id, const usb_redir_control_packet_header& h, std::uint8_t status,
                    const std::uint8_t* data, int len);
  void replyBulk(std::uint64_t id, std::uint8_t endpoint, std::uint8_t status, const std::uint8_t* data,
                 std::uint32_t len);
  bool standardRequest(std::uint64_t id, const usb_redir_control_packet_header& h);
  bool flush();

  int fd_;
  BotFunction& function_;
  UsbIdentity identity_;
  bool verbose_;
  usbredirparser* parser_ = nullptr;
  std::deque<Pending> pendingIn_, pendingOut_;
  std::uint8_t configuration_ = 0;
  bool peerClosed_ = false, ioError_ = false, connected_ = false, disconnectAcked_ = false;
};

}  // namespace kiln::interop
