// RedirDevice against a usbredirparser peer playing QEMU's part (the guest/host-controller side of usbredir),
// over a socketpair: handshake, GET_DESCRIPTOR, Get Max LUN, and a CBW/data/CSW exchange with IN requests that
// are queued before the device has anything to send.
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <map>

extern "C" {
#include <usbredirparser.h>
}

#include "core/usb/bot.h"
#include "interop/usbredir/redir_device.h"
#include "interop/usbredir/stub_target.h"
#include "interop/usbredir/target_bot_function.h"

using namespace kiln;
using namespace kiln::interop;

namespace {

/// The peer: records what the device sent.
struct Peer {
  int fd = -1;
  usbredirparser* parser = nullptr;
  bool connected = false;
  bool disconnected = false;
  std::uint8_t interfaceClass = 0, interfaceSubclass = 0, interfaceProtocol = 0;
  std::uint16_t bulkInMaxPacket = 0;
  struct Reply {
    std::uint8_t status;
    std::vector<std::uint8_t> data;
    std::uint32_t length;
  };
  std::map<std::uint64_t, Reply> replies;

  static Peer& self(void* p) { return *static_cast<Peer*>(p); }

  explicit Peer(int socket) : fd(socket), parser(usbredirparser_create()) {
    parser->priv = this;
    parser->log_func = [](void*, int, const char*) {};
    parser->read_func = [](void* p, std::uint8_t* d, int n) {
      const ssize_t r = recv(self(p).fd, d, static_cast<size_t>(n), MSG_DONTWAIT);
      return r > 0 ? static_cast<int>(r) : (r < 0 && errno == EAGAIN ? 0 : -1);
    };
    parser->write_func = [](void* p, std::uint8_t* d, int n) {
      const ssize_t r = send(self(p).fd, d, static_cast<size_t>(n), MSG_DONTWAIT | MSG_NOSIGNAL);
      return r >= 0 ? static_cast<int>(r) : (errno == EAGAIN ? 0 : -1);
    };
    parser->device_connect_func = [](void* p, usb_redir_device_connect_header*) { self(p).connected = true; };
    // libusbredirparser acknowledges device_disconnect itself (both sides have device_disconnect_ack).
    parser->device_disconnect_func = [](void* p) { self(p).disconnected = true; };
    parser->interface_info_func = [](void* p, usb_redir_interface_info_header* h) {
      self(p).interfaceClass = h->interface_class[0];
      self(p).interfaceSubclass = h->interface_subclass[0];
      self(p).interfaceProtocol = h->interface_protocol[0];
    };
    parser->ep_info_func = [](void* p, usb_redir_ep_info_header* h) { self(p).bulkInMaxPacket = h->max_packet_size[16 + 1]; };
    parser->control_packet_func = [](void* p, std::uint64_t id, usb_redir_control_packet_header* h, std::uint8_t* d, int n) {
      self(p).replies[id] = {h->status, std::vector<std::uint8_t>(d, d + n), h->length};
      usbredirparser_free_packet_data(self(p).parser, d);
    };
    parser->bulk_packet_func = [](void* p, std::uint64_t id, usb_redir_bulk_packet_header* h, std::uint8_t* d, int n) {
      self(p).replies[id] = {h->status, std::vector<std::uint8_t>(d, d + n), h->length | (std::uint32_t{h->length_high} << 16)};
      usbredirparser_free_packet_data(self(p).parser, d);
    };
    std::uint32_t caps[USB_REDIR_CAPS_SIZE] = {};
    for (int cap : {usb_redir_cap_connect_device_version, usb_redir_cap_filter, usb_redir_cap_device_disconnect_ack,
                    usb_redir_cap_ep_info_max_packet_size, usb_redir_cap_64bits_ids, usb_redir_cap_32bits_bulk_length}) {
      usbredirparser_caps_set_cap(caps, cap);
    }
    usbredirparser_init(parser, "test-peer", caps, USB_REDIR_CAPS_SIZE, 0);
  }
  ~Peer() { usbredirparser_destroy(parser); }

  void control(std::uint64_t id, std::uint8_t type, std::uint8_t request, std::uint16_t value, std::uint16_t length,
               std::uint16_t index = 0) {
    usb_redir_control_packet_header h{};
    h.endpoint = (type & 0x80) ? 0x80 : 0x00;
    h.requesttype = type;
    h.request = request;
    h.value = value;
    h.index = index;
    h.length = length;
    usbredirparser_send_control_packet(parser, id, &h, nullptr, 0);
  }
  void bulkOut(std::uint64_t id, std::vector<std::uint8_t> data) {
    usb_redir_bulk_packet_header h{};
    h.endpoint = kEndpointBulkOut;
    h.length = static_cast<std::uint16_t>(data.size());
    usbredirparser_send_bulk_packet(parser, id, &h, data.data(), static_cast<int>(data.size()));
  }
  void bulkIn(std::uint64_t id, std::uint32_t length) {
    usb_redir_bulk_packet_header h{};
    h.endpoint = kEndpointBulkIn;
    h.length = static_cast<std::uint16_t>(length);
    h.length_high = static_cast<std::uint16_t>(length >> 16);
    usbredirparser_send_bulk_packet(parser, id, &h, nullptr, 0);
  }
};

/// Runs both sides until neither has anything left to do.
void exchange(Peer& peer, RedirDevice& device) {
  for (int i = 0; i < 50; ++i) {
    while (usbredirparser_has_data_to_write(peer.parser)) usbredirparser_do_write(peer.parser);
    REQUIRE(device.step(0));
    usbredirparser_do_read(peer.parser);
  }
}

std::vector<std::uint8_t> cbw(std::uint32_t tag, std::uint32_t length, std::vector<std::uint8_t> cdb) {
  usb::Cbw c;
  c.tag = tag;
  c.dataTransferLength = length;
  c.dataIn = length > 0;
  c.cdb.length = static_cast<std::uint8_t>(cdb.size());
  std::copy(cdb.begin(), cdb.end(), c.cdb.bytes.begin());
  const auto bytes = usb::encodeCbw(c);
  return {bytes.begin(), bytes.end()};
}

}  // namespace

TEST_CASE("usbredir: handshake, descriptors, Get Max LUN, queued bulk IN, CSW") {
  int sv[2];
  REQUIRE(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sv) == 0);
  StubTarget target;
  TargetBotFunction bot(target);
  RedirDevice device(sv[0], bot, UsbIdentity{}, false);
  Peer peer(sv[1]);
  exchange(peer, device);
  REQUIRE(peer.connected);
  CHECK(device.connected());
  CHECK(peer.interfaceClass == 0x08);
  CHECK(peer.interfaceSubclass == 0x02);
  CHECK(peer.interfaceProtocol == 0x50);
  CHECK(peer.bulkInMaxPacket == 512);

  peer.control(1, 0x80, 0x06, 0x0100, 64);  // GET_DESCRIPTOR(device)
  peer.control(2, 0x80, 0x06, 0x0200, 9);   // GET_DESCRIPTOR(config), header only
  peer.control(3, 0xA1, 0xFE, 0, 1);        // Get Max LUN
  peer.control(4, 0x80, 0x06, 0x0F00, 5);   // BOS: not there → STALL
  exchange(peer, device);
  CHECK(peer.replies[1].status == usb_redir_success);
  CHECK(peer.replies[1].data.size() == 18);
  CHECK(peer.replies[2].data.size() == 9);
  CHECK(peer.replies[3].data == std::vector<std::uint8_t>{0});
  CHECK(peer.replies[4].status == usb_redir_stall);

  // Two IN requests queued before the command: held, then answered with data and CSW in order.
  peer.bulkIn(10, 512);
  peer.bulkIn(11, 13);
  exchange(peer, device);
  CHECK(peer.replies.count(10) == 0);
  CHECK(device.pendingInCount() == 2);
  peer.bulkOut(12, cbw(0x55, 36, {0x12, 0, 0, 0, 36, 0}));
  exchange(peer, device);
  CHECK(peer.replies[12].status == usb_redir_success);
  CHECK(peer.replies[12].length == 31);
  REQUIRE(peer.replies.count(10) == 1);
  CHECK(peer.replies[10].data.size() == 36);
  CHECK(peer.replies[10].data[0] == 0x05);
  const auto c = usb::decodeCsw(peer.replies[11].data);
  REQUIRE(c);
  CHECK(c->tag == 0x55);
  CHECK(c->status == usb::CswStatus::Passed);

  // A failed data phase STALLs; CLEAR_FEATURE(ENDPOINT_HALT) then lets the CSW through.
  peer.bulkOut(20, cbw(0x56, 2048, {0x28, 0, 0, 0, 0, 16, 0, 0, 1, 0}));
  peer.bulkIn(21, 2048);
  exchange(peer, device);
  CHECK(peer.replies[21].status == usb_redir_stall);
  peer.control(22, 0x02, 0x01, 0, 0, kEndpointBulkIn);  // CLEAR_FEATURE(ENDPOINT_HALT) on 81h
  peer.bulkIn(23, 13);
  exchange(peer, device);
  CHECK(peer.replies[22].status == usb_redir_success);
  const auto failed = usb::decodeCsw(peer.replies[23].data);
  REQUIRE(failed);
  CHECK(failed->status == usb::CswStatus::Failed);
  CHECK(failed->residue == 2048);

  // Clean disconnect: device_disconnect, acknowledged by the peer.
  device.sendDisconnect();
  exchange(peer, device);
  CHECK(peer.disconnected);
  CHECK(device.disconnectAcked());
  CHECK_FALSE(device.connected());

  close(sv[1]);
  for (int i = 0; i < 5 && device.step(0); ++i) {
  }
  CHECK_FALSE(device.step(0));  // peer gone
  close(sv[0]);
}
