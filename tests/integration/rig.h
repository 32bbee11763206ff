#pragma once
// Test rig for the integration suite: the virtual drive behind the real host stack (Recorder → ScsiTransport),
// a FakeClock, fault injection, and helpers to build audio streams and read back what the drive recorded.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <catch2/catch.hpp>

#include "core/formats/audio_stream.h"
#include "core/formats/track_at_once.h"
#include "core/imapi/error.h"
#include "core/mmc/recorder.h"
#include "core/util/clock.h"
#include "vdrive/drive_options.h"
#include "vdrive/faults.h"
#include "vdrive/memory_store.h"
#include "core/usb/usb_bot_transport.h"
#include "vdrive/mmc_device.h"
#include "vdrive/virtual_drive.h"

namespace kiln::test {

/// Sits between the Recorder and the real transport so a test can answer a command itself (`before` returns a
/// Result) or alter the drive's reply (`after`) — for drive behaviour the virtual drive does not produce.
class TapTransport final : public scsi::ScsiTransport {
 public:
  using Before = std::function<std::optional<scsi::Result>(const scsi::Command&)>;
  using After = std::function<void(const scsi::Command&, scsi::Result&)>;
  explicit TapTransport(scsi::ScsiTransport& inner) : inner_(inner) {}
  scsi::Result execute(const scsi::Command& c) override {
    if (before) {
      if (auto r = before(c)) return *r;
    }
    scsi::Result r = inner_.execute(c);
    if (after) after(c, r);
    return r;
  }
  Before before;
  After after;

 private:
  scsi::ScsiTransport& inner_;
};

/// A CHECK CONDITION result with sense key/ASC/ASCQ.
inline scsi::Result checkCondition(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq) {
  scsi::Result r;
  r.status = scsi::Status::CheckCondition;
  r.sense.valid = true;
  r.sense.key = key;
  r.sense.asc = asc;
  r.sense.ascq = ascq;
  return r;
}

/// One virtual drive with a disc of `kind`, driven through the host stack exactly as a real USB drive is:
/// Recorder → UsbBotTransport → the drive's loopback BulkPipe → BOT device → MMC model.
struct Rig {
  explicit Rig(vdrive::MediaKind kind = vdrive::MediaKind::CdR80, vdrive::DriveOptions options = {})
      : drive(store, kind, clock, options), transport(drive.hostPipe()), tap(transport), recorder(tap, clock),
        faults(drive.faults()), device(drive.mmc()) {}

  const vdrive::Medium& medium() const { return device.medium(); }
  /// Sector `lba` as the drive stored it (2352 bytes).
  std::vector<std::uint8_t> sector(std::int32_t lba) {
    std::vector<std::uint8_t> s(2352);
    store.readSectors(lba, s);
    return s;
  }
  /// A writer on this drive, ready for prepareMedia.
  std::unique_ptr<formats::TrackAtOnceWriter> writer() {
    auto w = std::make_unique<formats::TrackAtOnceWriter>();
    w->setRecorder(&recorder);
    w->setClientName("kiln-tests");
    return w;
  }

  FakeClock clock;
  vdrive::MemoryStore store;
  vdrive::VirtualDrive drive;
  usb::UsbBotTransport transport;
  TapTransport tap;  ///< pass-through unless a test sets tap.before / tap.after
  mmc::Recorder recorder;
  vdrive::FaultInjector& faults;
  vdrive::MmcDevice& device;
};

/// `frames` stereo sample frames (4 bytes each) of a recognisable pattern: byte i = (i * 7 + 3) & 0xFF, never
/// all-zero over a sector, so padding (zeros) is distinguishable from audio.
inline std::vector<std::uint8_t> audioBytes(std::size_t frames) {
  std::vector<std::uint8_t> b(frames * 4);
  for (std::size_t i = 0; i < b.size(); ++i) b[i] = static_cast<std::uint8_t>((i * 7 + 3) & 0xFF);
  return b;
}

inline bool allZero(const std::vector<std::uint8_t>& b, std::size_t from = 0, std::size_t to = SIZE_MAX) {
  to = std::min(to, b.size());
  return std::all_of(b.begin() + static_cast<std::ptrdiff_t>(from), b.begin() + static_cast<std::ptrdiff_t>(to),
                     [](std::uint8_t x) { return x == 0; });
}

/// A stream that claims `size` bytes and delivers a pattern (no memory held); optional clock cost per read.
class PatternStream final : public formats::AudioStream {
 public:
  PatternStream(std::uint64_t size, Clock* clock = nullptr, double msPerRead = 0)
      : size_(size), clock_(clock), msPerRead_(msPerRead) {}
  std::uint64_t sizeBytes() const override { return size_; }
  std::size_t read(std::span<std::uint8_t> out) override {
    ++reads;
    if (clock_ != nullptr) clock_->sleepMs(msPerRead_);
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), size_ - pos_));
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(((pos_ + i) * 7 + 3) & 0xFF);
    pos_ += n;
    return n;
  }
  int reads = 0;

 private:
  std::uint64_t size_;
  std::uint64_t pos_ = 0;
  Clock* clock_;
  double msPerRead_;
};

/// Runs `f` and returns the HRESULT of the kiln::Error it throws (S_OK if none).
template <typename F>
HResult codeOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return HResult::S_OK;
}

}  // namespace kiln::test

namespace Catch {
template <>
struct StringMaker<kiln::HResult> {
  static std::string convert(kiln::HResult h) {
    return std::string(kiln::hresultName(h)) + " (" + kiln::hresultHex(h) + ")";
  }
};
}  // namespace Catch
