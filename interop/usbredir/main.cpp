// kiln-usbredir: serves one virtual CD recorder as a USB Bulk-Only mass-storage device to QEMU's usb-redir
// (device-owning side of usbredir). Listens on a unix socket, serves one connection, exits when it ends.
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>

#include "interop/usbredir/drive_backend.h"
#include "interop/usbredir/options.h"
#include "interop/usbredir/redir_device.h"

namespace {

std::atomic<bool> gStop{false};

void onSignal(int) { gStop = true; }

/// Creates, binds and listens on `path` (replacing a stale socket). Returns the fd or −1 (errno printed).
int listenUnix(const std::string& path) {
  sockaddr_un addr{};
  if (path.size() >= sizeof addr.sun_path) {
    std::fprintf(stderr, "kiln-usbredir: socket path too long: %s\n", path.c_str());
    return -1;
  }
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  unlink(path.c_str());
  if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) < 0 || listen(fd, 1) < 0) {
    std::fprintf(stderr, "kiln-usbredir: cannot listen on %s: %s\n", path.c_str(), std::strerror(errno));
    if (fd >= 0) close(fd);
    return -1;
  }
  return fd;
}

/// Waits for the peer (QEMU) while watching the stop flag. Returns the non-blocking connection fd or −1.
int acceptPeer(int listenFd) {
  while (!gStop) {
    pollfd p{listenFd, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;
    const int fd = accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd >= 0) return fd;
  }
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  int exitCode = 0;
  const auto options = kiln::interop::parseOptions(argc, argv, exitCode);
  if (!options) return exitCode;
  std::signal(SIGINT, onSignal);
  std::signal(SIGTERM, onSignal);
  std::signal(SIGPIPE, SIG_IGN);
  try {
    auto backend = kiln::interop::openBackend(*options);
    const int listenFd = listenUnix(options->socketPath);
    if (listenFd < 0) return 1;
    std::fprintf(stderr, "kiln-usbredir: listening on %s\n", options->socketPath.c_str());
    const int fd = acceptPeer(listenFd);
    bool ok = true;
    if (fd >= 0) {
      kiln::interop::UsbIdentity identity;
      identity.interfaceSubclass = static_cast<std::uint8_t>(options->subclass);
      kiln::interop::RedirDevice device(fd, backend->function(), identity, options->verbose);
      ok = device.run(gStop, [&backend] { backend->poll(); });
      close(fd);
    }
    close(listenFd);
    unlink(options->socketPath.c_str());
    backend->finish();
    std::fprintf(stderr, "kiln-usbredir: %s\n", ok ? "disconnected" : "connection failed");
    return ok ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kiln-usbredir: %s\n", e.what());
    return 1;
  }
}
