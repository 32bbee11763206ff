#include "interop/usbredir/redir_device.h"

#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <cstdlib>

extern "C" {
#include <usbredirparser.h>
}

namespace kiln::interop {
namespace {

RedirDevice& self(void* priv) { return *static_cast<RedirDevice*>(priv); }

/// usbredir endpoint index: OUT endpoints 0–15, IN endpoints 16–31 (usbredir protocol, ep_info).
constexpr int epIndex(std::uint8_t address) { return ((address & 0x80) >> 3) | (address & 0x0F); }

void installCallbacks(usbredirparser* p) {
  p->log_func = [](void* priv, int level, const char* msg) { self(priv).log(level, msg); };
  p->read_func = [](void* priv, std::uint8_t* d, int n) { return self(priv).readBytes(d, n); };
  p->write_func = [](void* priv, std::uint8_t* d, int n) { return self(priv).writeBytes(d, n); };
  p->hello_func = [](void* priv, usb_redir_hello_header*) { self(priv).onHello(); };
  p->reset_func = [](void* priv) { self(priv).onReset(); };
  p->set_configuration_func = [](void* priv, std::uint64_t id, usb_redir_set_configuration_header* h) {
    self(priv).onSetConfiguration(id, h->configuration);
  };
  p->get_configuration_func = [](void* priv, std::uint64_t id) { self(priv).onGetConfiguration(id); };
  p->set_alt_setting_func = [](void* priv, std::uint64_t id, usb_redir_set_alt_setting_header* h) {
    self(priv).onSetAltSetting(id, h->interface, h->alt);
  };
  p->get_alt_setting_func = [](void* priv, std::uint64_t id, usb_redir_get_alt_setting_header* h) {
    self(priv).onGetAltSetting(id, h->interface);
  };
  p->cancel_data_packet_func = [](void* priv, std::uint64_t id) { self(priv).onCancel(id); };
  p->device_disconnect_ack_func = [](void* priv) { self(priv).onDisconnectAck(); };
  p->filter_filter_func = [](void*, usbredirfilter_rule* rules, int) { std::free(rules); };
  p->control_packet_func = [](void* priv, std::uint64_t id, usb_redir_control_packet_header* h, std::uint8_t* d, int n) {
    self(priv).onControl(id, *h, d, n);
  };
  p->bulk_packet_func = [](void* priv, std::uint64_t id, usb_redir_bulk_packet_header* h, std::uint8_t* d, int n) {
    self(priv).onBulk(id, *h, d, n);
  };
}

}  // namespace

RedirDevice::RedirDevice(int fd, BotFunction& function, UsbIdentity identity, bool verbose)
    : fd_(fd), function_(function), identity_(std::move(identity)), verbose_(verbose), parser_(usbredirparser_create()) {
  parser_->priv = this;
  installCallbacks(parser_);
  std::uint32_t caps[USB_REDIR_CAPS_SIZE] = {};
  for (int cap : {usb_redir_cap_connect_device_version, usb_redir_cap_filter, usb_redir_cap_device_disconnect_ack,
                  usb_redir_cap_ep_info_max_packet_size, usb_redir_cap_64bits_ids, usb_redir_cap_32bits_bulk_length}) {
    usbredirparser_caps_set_cap(caps, cap);
  }
  usbredirparser_init(parser_, "kiln-usbredir 0.1", caps, USB_REDIR_CAPS_SIZE, usbredirparser_fl_usb_host);
}

RedirDevice::~RedirDevice() { usbredirparser_destroy(parser_); }

void RedirDevice::log(int level, const char* msg) {
  if (verbose_ || level <= usbredirparser_warning) std::fprintf(stderr, "kiln-usbredir: usbredir: %s\n", msg);
}

int RedirDevice::readBytes(std::uint8_t* data, int count) {
  const ssize_t n = recv(fd_, data, static_cast<size_t>(count), 0);
  if (n > 0) return static_cast<int>(n);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return 0;
  peerClosed_ = true;  // EOF or a hard error: the peer is gone
  return -1;
}

int RedirDevice::writeBytes(std::uint8_t* data, int count) {
  const ssize_t n = send(fd_, data, static_cast<size_t>(count), MSG_NOSIGNAL);
  if (n >= 0) return static_cast<int>(n);
  if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return 0;
  ioError_ = true;
  return -1;
}

void RedirDevice::onHello() { sendDeviceInfo(); }

void RedirDevice::sendDeviceInfo() {
  usb_redir_interface_info_header ii{};
  ii.interface_count = 1;
  ii.interface[0] = 0;
  ii.interface_class[0] = 0x08;
  ii.interface_subclass[0] = identity_.interfaceSubclass;
  ii.interface_protocol[0] = 0x50;
  usbredirparser_send_interface_info(parser_, &ii);

  usb_redir_ep_info_header ep{};
  std::memset(ep.type, usb_redir_type_invalid, sizeof ep.type);
  ep.type[epIndex(0x00)] = ep.type[epIndex(0x80)] = usb_redir_type_control;
  ep.max_packet_size[epIndex(0x00)] = ep.max_packet_size[epIndex(0x80)] = kEp0MaxPacket;
  for (std::uint8_t address : {kEndpointBulkIn, kEndpointBulkOut}) {
    ep.type[epIndex(address)] = usb_redir_type_bulk;
    ep.max_packet_size[epIndex(address)] = kBulkMaxPacket;
    ep.interface[epIndex(address)] = 0;
  }
  usbredirparser_send_ep_info(parser_, &ep);

  usb_redir_device_connect_header dc{};
  dc.speed = usb_redir_speed_high;
  dc.vendor_id = kVendorId;
  dc.product_id = kProductId;
  dc.device_version_bcd = kBcdDevice;
  usbredirparser_send_device_connect(parser_, &dc);
  connected_ = true;
}

void RedirDevice::replyControl(std::uint64_t id, const usb_redir_control_packet_header& h, std::uint8_t status,
                               const std::uint8_t* data, int len) {
  usb_redir_control_packet_header r = h;
  r.status = status;
  r.length = static_cast<std::uint16_t>(len);
  const bool in = (h.endpoint & 0x80) != 0;
  usbredirparser_send_control_packet(parser_, id, &r, in ? const_cast<std::uint8_t*>(data) : nullptr, in ? len : 0);
}

void RedirDevice::onControl(std::uint64_t id, const usb_redir_control_packet_header& h, const std::uint8_t* data, int len) {
  if (verbose_) {
    std::fprintf(stderr, "kiln-usbredir: control type=%02x req=%02x value=%04x index=%04x len=%u\n", h.requesttype,
                 h.request, h.value, h.index, h.length);
  }
  if (standardRequest(id, h)) {
    // handled
  } else if (h.requesttype == 0xA1 && h.request == 0xFE) {  // Get Max LUN (BOT §3.2)
    const std::uint8_t lun = function_.maxLun();
    replyControl(id, h, usb_redir_success, &lun, h.length ? 1 : 0);
  } else if (h.requesttype == 0x21 && h.request == 0xFF) {  // Bulk-Only Mass Storage Reset (BOT §3.1)
    std::fprintf(stderr, "kiln-usbredir: Bulk-Only Mass Storage Reset\n");
    function_.massStorageReset();
    replyControl(id, h, usb_redir_success, nullptr, 0);
  } else {
    replyControl(id, h, usb_redir_stall, nullptr, 0);
  }
  (void)len;
  usbredirparser_free_packet_data(parser_, const_cast<std::uint8_t*>(data));
  pump();
}

/// Chapter 9 requests that reach us (QEMU handles SET_ADDRESS and turns configuration/interface requests into
/// their own packets). Returns false if `h` is not one of them.
bool RedirDevice::standardRequest(std::uint64_t id, const usb_redir_control_packet_header& h) {
  const std::uint8_t recipientType = h.requesttype & 0x7F;
  if ((h.requesttype & 0x60) != 0) return false;  // class or vendor
  if (h.request == 0x06 && (h.requesttype & 0x80)) {  // GET_DESCRIPTOR (USB 2.0 §9.4.3)
    const auto d = usbDescriptor(identity_, h.value);
    if (!d) {
      replyControl(id, h, usb_redir_stall, nullptr, 0);
    } else {
      replyControl(id, h, usb_redir_success, d->data(), static_cast<int>(std::min<std::size_t>(d->size(), h.length)));
    }
    return true;
  }
  if (h.request == 0x00 && (h.requesttype & 0x80)) {  // GET_STATUS (§9.4.5)
    std::uint8_t status[2] = {0, 0};
    if (recipientType == 0x00) status[0] = 0x01;  // self-powered
    if (recipientType == 0x02) status[0] = function_.halted(static_cast<std::uint8_t>(h.index)) ? 1 : 0;
    replyControl(id, h, usb_redir_success, status, std::min<int>(2, h.length));
    return true;
  }
  if ((h.request == 0x01 || h.request == 0x03) && recipientType == 0x02) {  // CLEAR/SET_FEATURE(ENDPOINT_HALT)
    if (h.request == 0x01) {
      std::fprintf(stderr, "kiln-usbredir: CLEAR_FEATURE(ENDPOINT_HALT) %02x\n", h.index);
      function_.clearHalt(static_cast<std::uint8_t>(h.index));
    }
    replyControl(id, h, usb_redir_success, nullptr, 0);
    return true;
  }
  if (h.request == 0x01 || h.request == 0x03) {  // device features (remote wakeup, test mode): accept
    replyControl(id, h, usb_redir_success, nullptr, 0);
    return true;
  }
  if (h.request == 0x08 && (h.requesttype & 0x80)) {  // GET_CONFIGURATION
    replyControl(id, h, usb_redir_success, &configuration_, std::min<int>(1, h.length));
    return true;
  }
  return false;
}

void RedirDevice::replyBulk(std::uint64_t id, std::uint8_t endpoint, std::uint8_t status, const std::uint8_t* data,
                            std::uint32_t len) {
  usb_redir_bulk_packet_header r{};
  r.endpoint = endpoint;
  r.status = status;
  r.length = static_cast<std::uint16_t>(len);
  r.length_high = static_cast<std::uint16_t>(len >> 16);
  const bool in = (endpoint & 0x80) != 0;
  usbredirparser_send_bulk_packet(parser_, id, &r, in ? const_cast<std::uint8_t*>(data) : nullptr,
                                  in ? static_cast<int>(len) : 0);
}

void RedirDevice::onBulk(std::uint64_t id, const usb_redir_bulk_packet_header& h, const std::uint8_t* data, int len) {
  const std::uint32_t length = h.length | (std::uint32_t{h.length_high} << 16);
  if (h.endpoint == kEndpointBulkIn) {
    pendingIn_.push_back({id, h.endpoint, length, {}});
  } else if (h.endpoint == kEndpointBulkOut) {
    pendingOut_.push_back({id, h.endpoint, 0, std::vector<std::uint8_t>(data, data + len)});
  } else {
    replyBulk(id, h.endpoint, usb_redir_inval, nullptr, 0);
  }
  usbredirparser_free_packet_data(parser_, const_cast<std::uint8_t*>(data));
  pump();
}

void RedirDevice::pump() {
  bool progress = true;
  while (progress) progress = pumpOneOut() | pumpOneIn();
}

bool RedirDevice::pumpOneOut() {
  if (pendingOut_.empty()) return false;
  Pending& p = pendingOut_.front();
  const BotFunction::OutResult r = function_.bulkOut(p.data);
  if (r == BotFunction::OutResult::Wait) return false;
  const bool ok = r == BotFunction::OutResult::Accepted;
  replyBulk(p.id, p.endpoint, ok ? usb_redir_success : usb_redir_stall, nullptr,
            ok ? static_cast<std::uint32_t>(p.data.size()) : 0);
  pendingOut_.pop_front();
  return true;
}

bool RedirDevice::pumpOneIn() {
  if (pendingIn_.empty()) return false;
  const Pending p = pendingIn_.front();
  InReply r = function_.bulkIn(p.length);
  std::uint8_t status = usb_redir_success;
  switch (r.kind) {
    case InReply::Kind::Wait: return false;
    case InReply::Kind::Data: break;
    case InReply::Kind::Stall: status = usb_redir_stall; break;
    case InReply::Kind::Babble: status = usb_redir_babble; r.bytes.clear(); break;
  }
  pendingIn_.pop_front();
  replyBulk(p.id, p.endpoint, status, r.bytes.data(), static_cast<std::uint32_t>(r.bytes.size()));
  return true;
}

void RedirDevice::onCancel(std::uint64_t id) {
  for (auto* queue : {&pendingIn_, &pendingOut_}) {
    for (auto it = queue->begin(); it != queue->end(); ++it) {
      if (it->id == id) {
        std::fprintf(stderr, "kiln-usbredir: host cancelled bulk %s packet %llu\n",
                     (it->endpoint & 0x80) ? "IN" : "OUT", static_cast<unsigned long long>(id));
        replyBulk(id, it->endpoint, usb_redir_cancelled, nullptr, 0);
        queue->erase(it);
        return;
      }
    }
  }
}

void RedirDevice::onReset() {
  std::fprintf(stderr, "kiln-usbredir: USB port reset\n");
  for (auto* queue : {&pendingIn_, &pendingOut_}) {
    for (const Pending& p : *queue) replyBulk(p.id, p.endpoint, usb_redir_cancelled, nullptr, 0);
    queue->clear();
  }
  function_.busReset();
}

void RedirDevice::onSetConfiguration(std::uint64_t id, std::uint8_t configuration) {
  configuration_ = configuration;
  function_.clearHalt(kEndpointBulkIn);  // SET_CONFIGURATION clears endpoint halts (USB 2.0 §9.4.5)
  function_.clearHalt(kEndpointBulkOut);
  usb_redir_configuration_status_header s{usb_redir_success, configuration};
  usbredirparser_send_configuration_status(parser_, id, &s);
}

void RedirDevice::onGetConfiguration(std::uint64_t id) {
  usb_redir_configuration_status_header s{usb_redir_success, configuration_};
  usbredirparser_send_configuration_status(parser_, id, &s);
}

void RedirDevice::onSetAltSetting(std::uint64_t id, std::uint8_t interface, std::uint8_t alt) {
  usb_redir_alt_setting_status_header s{alt == 0 ? std::uint8_t{usb_redir_success} : std::uint8_t{usb_redir_stall},
                                        interface, 0};
  usbredirparser_send_alt_setting_status(parser_, id, &s);
}

void RedirDevice::onGetAltSetting(std::uint64_t id, std::uint8_t interface) {
  usb_redir_alt_setting_status_header s{usb_redir_success, interface, 0};
  usbredirparser_send_alt_setting_status(parser_, id, &s);
}

bool RedirDevice::flush() {
  if (usbredirparser_has_data_to_write(parser_) && usbredirparser_do_write(parser_) != 0) ioError_ = true;
  return !ioError_;
}

void RedirDevice::sendDisconnect() {
  usbredirparser_send_device_disconnect(parser_);
  connected_ = false;
}

bool RedirDevice::step(int timeoutMs) {
  if (peerClosed_ || ioError_) return false;
  pollfd p{fd_, static_cast<short>(POLLIN | (usbredirparser_has_data_to_write(parser_) ? POLLOUT : 0)), 0};
  if (poll(&p, 1, timeoutMs) < 0 && errno != EINTR) {
    ioError_ = true;
    return false;
  }
  if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
    if (usbredirparser_do_read(parser_) == usbredirparser_read_parse_error) {
      log(usbredirparser_error, "parse error; packet skipped");
    }
  }
  flush();
  return !peerClosed_ && !ioError_;
}

bool RedirDevice::run(const std::atomic<bool>& stop, const std::function<void()>& idle) {
  using Clock = std::chrono::steady_clock;
  bool disconnecting = false;
  Clock::time_point deadline{};
  while (true) {
    if (stop.load() && !disconnecting) {
      if (!connected_) break;
      sendDisconnect();
      disconnecting = true;
      deadline = Clock::now() + std::chrono::seconds(2);
    }
    if (disconnecting && (disconnectAcked_ || Clock::now() > deadline)) break;
    if (!step(100)) break;
    if (idle) idle();
  }
  flush();
  return !ioError_;
}

}  // namespace kiln::interop
