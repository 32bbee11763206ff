#include "native-helper/cli/interrupt.h"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace kiln::cli {
namespace {

std::atomic<bool> gInterrupted{false};
int gPipe[2] = {-1, -1};
struct sigaction gOldInt, gOldTerm;

constexpr char kSignalByte = 'S';
constexpr char kQuitByte = 'Q';

extern "C" void onSignal(int) {
  const int saved = errno;
  gInterrupted.store(true);
  const char b = kSignalByte;
  [[maybe_unused]] const ssize_t n = ::write(gPipe[1], &b, 1);
  errno = saved;
}

}  // namespace

InterruptWatcher::InterruptWatcher(std::function<void()> onInterrupt) : onInterrupt_(std::move(onInterrupt)) {
  gInterrupted.store(false);
  if (::pipe(gPipe) != 0) throw std::system_error(errno, std::generic_category(), "pipe");
  ::fcntl(gPipe[1], F_SETFL, O_NONBLOCK);
  struct sigaction sa {};
  sa.sa_handler = onSignal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND | SA_RESTART;
  ::sigaction(SIGINT, &sa, &gOldInt);
  ::sigaction(SIGTERM, &sa, &gOldTerm);
  watcher_ = std::thread([this] { watch(); });
}

InterruptWatcher::~InterruptWatcher() {
  ::sigaction(SIGINT, &gOldInt, nullptr);
  ::sigaction(SIGTERM, &gOldTerm, nullptr);
  const char b = kQuitByte;
  [[maybe_unused]] const ssize_t n = ::write(gPipe[1], &b, 1);
  watcher_.join();
  ::close(gPipe[0]);
  ::close(gPipe[1]);
  gPipe[0] = gPipe[1] = -1;
}

bool InterruptWatcher::interrupted() const { return gInterrupted.load(); }

void InterruptWatcher::watch() {
  for (;;) {
    char b = 0;
    const ssize_t n = ::read(gPipe[0], &b, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || b == kQuitByte) return;
    if (onInterrupt_) onInterrupt_();
  }
}

}  // namespace kiln::cli
