// Embind surface of the Kiln core for the web worker (typed in wasm/kiln_wasm.d.ts). Every method returns
// { ok: true, value } or { ok: false, error: { name, hresult, message } }: kiln::Error (and any other C++
// exception) is caught here, because an exception escaping to JS arrives as a bare number. Methods that talk to
// a drive or read audio may suspend (Asyncify) and then return a Promise; the JS side (web/src/wasm/kilnCore.ts)
// queues calls so that nothing enters the module while a call is suspended.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>

#include "core/imapi/error.h"
#include "wasm/burner.h"
#include "wasm/js_audio_stream.h"
#include "core/util/clock.h"
#include "vdrive/export.h"
#include "vdrive/memory_store.h"
#include "vdrive/virtual_drive.h"

using emscripten::val;

namespace kiln::wasm {
namespace {

val errorValue(HResult code, const std::string& message) {
  val e = val::object();
  e.set("name", std::string(hresultName(code)));
  e.set("hresult", static_cast<double>(static_cast<std::uint32_t>(code)));
  e.set("message", message.empty() ? std::string(hresultDescription(code)) : message);
  return e;
}

val ok(val value = val::undefined()) {
  val r = val::object();
  r.set("ok", true);
  r.set("value", value);
  return r;
}

/// Runs `f` and wraps its outcome; every bound method goes through here.
template <typename F>
val guarded(F&& f) {
  val r = val::object();
  try {
    return ok(f());
  } catch (const Error& e) {
    r.set("error", errorValue(e.code(), e.detail()));
  } catch (const std::exception& e) {
    r.set("error", errorValue(HResult::E_FAIL, e.what()));
  } catch (...) {
    r.set("error", errorValue(HResult::E_FAIL, "unknown C++ exception"));
  }
  r.set("ok", false);
  return r;
}

const char* actionName(formats::TaoWriteAction a) {
  switch (a) {
    case formats::TaoWriteAction::Preparing: return "preparing";
    case formats::TaoWriteAction::Writing: return "writing";
    case formats::TaoWriteAction::Finishing: return "finishing";
    case formats::TaoWriteAction::Verifying: return "verifying";
    default: return "unknown";
  }
}

val progressValue(const formats::TaoProgress& p) {
  val o = val::object();
  o.set("action", std::string(actionName(p.currentAction)));
  o.set("currentTrackNumber", p.currentTrackNumber);
  o.set("startLba", p.startLba);
  o.set("sectorCount", p.sectorCount);
  o.set("lastReadLba", p.lastReadLba);
  o.set("lastWrittenLba", p.lastWrittenLba);
  o.set("elapsedSeconds", p.elapsedSeconds);
  o.set("remainingSeconds", p.remainingSeconds);
  o.set("totalSystemBuffer", p.totalSystemBuffer);
  o.set("usedSystemBuffer", p.usedSystemBuffer);
  o.set("totalDeviceBuffer", p.totalDeviceBuffer);
  o.set("usedDeviceBuffer", p.usedDeviceBuffer);
  return o;
}

val discStateOf(vdrive::VirtualDrive& d) {
  const auto& s = d.mediumState();
  val tracks = val::array();
  for (const auto& t : s.tracks) {
    val o = val::object();
    o.set("number", t.number);
    o.set("session", t.session);
    o.set("start", t.start);
    o.set("length", t.length);
    o.set("pregap", t.pregap);
    o.set("damaged", t.damaged);
    tracks.call<void>("push", o);
  }
  val o = val::object();
  o.set("tracks", tracks);
  o.set("finalized", s.finalized);
  return o;
}

val sectorsOf(vdrive::MediumStore& store, int lba, int count) {
  if (count < 0 || count > 65536) throw Error(HResult::E_FAIL, "readSectors: count out of range");
  std::vector<std::uint8_t> buf(static_cast<std::size_t>(count) * 2352);
  store.readSectors(lba, buf);
  return val(emscripten::typed_memory_view(buf.size(), buf.data())).call<val>("slice");
}

}  // namespace

/// The object the worker holds: one drive and its Track-At-Once writer (IDiscFormat2TrackAtOnce).
class KilnBurner {
 public:
  /// `storage`: "file" (disc in Module.kilnStore's files, outside the WASM heap) or "memory" (MemoryStore).
  val openVirtual(const std::string& media, double speedX, const std::string& storage) {
    return guarded([&] { burner_ = Burner::makeVirtual(media, speedX, storage); return val::undefined(); });
  }
  /// Virtual drive: same disc, another emulated write speed (x; 0 = unthrottled).
  val setVirtualSpeed(double speedX) {
    return guarded([&] { need().setVirtualSpeed(speedX); return val::undefined(); });
  }
  val openWebUsb() {
    return guarded([&] { burner_ = Burner::makeWebUsb(); return val::undefined(); });
  }

  /// put_ClientName, put_DoNotFinalizeMedia, test write, SetWriteSpeed, then PrepareMedia.
  val prepare(const std::string& clientName, bool testWrite, bool doNotFinalize, int sectorsPerSecond) {
    return guarded([&] {
      auto& w = need().writer();
      w.setClientName(clientName);
      w.setTestWrite(testWrite);
      w.setDoNotFinalizeMedia(doNotFinalize);
      HResult speed = w.setWriteSpeed(sectorsPerSecond, false);
      w.prepareMedia();
      return val(std::string(hresultName(speed)));
    });
  }

  /// AddAudioTrack from Module.kilnSources.get(sourceId) (`sizeBytes` exact); calls onProgress(progress) on
  /// every Update event and honours Module.kilnCancelRequested (CancelAddTrack). Suspends → Promise.
  val addAudioTrack(int sourceId, double sizeBytes, const std::string& title, val onProgress) {
    return guarded([&] {
      auto& w = need().writer();
      w.setUpdateHandler([onProgress](formats::TrackAtOnceWriter& writer, const formats::TaoProgress& p) {
        if (jsCancelRequested()) writer.cancelAddTrack();
        onProgress(progressValue(p));
      });
      JsAudioStream stream(sourceId, static_cast<std::uint64_t>(sizeBytes), title, &w);
      try {
        w.addAudioTrack(stream);
      } catch (...) {
        w.setUpdateHandler(nullptr);
        throw;
      }
      w.setUpdateHandler(nullptr);
      return val::undefined();
    });
  }

  /// ReleaseMedia (CLOSE SESSION: finalise unless DoNotFinalizeMedia). May suspend → Promise.
  val release() {
    return guarded([&] { need().writer().releaseMedia(); return val::undefined(); });
  }

  /// Properties of IDiscFormat2TrackAtOnce that describe the medium (sectors).
  val properties() {
    return guarded([&] {
      auto& w = need().writer();
      val o = val::object();
      o.set("numberOfExistingTracks", w.numberOfExistingTracks());
      o.set("totalSectorsOnMedia", w.totalSectorsOnMedia());
      o.set("freeSectorsOnMedia", w.freeSectorsOnMedia());
      o.set("usedSectorsOnMedia", w.usedSectorsOnMedia());
      o.set("prepared", w.prepared());
      return o;
    });
  }

  /// The virtual drive's recorded disc: tracks (INDEX 01 start, length, pregap; LBAs/sectors) and state.
  val discState() {
    return guarded([&] {
      auto* d = need().virtualDrive();
      if (!d) throw Error(HResult::E_FAIL, "not a virtual drive");
      return discStateOf(*d);
    });
  }

  /// The virtual drive's CUE sheet for `binName` (vdrive/export.h cueSheet) and the BIN's length in sectors
  /// (binSectorCount: LBA 0 to the last lead-out start); read the BIN with readSectors.
  val exportCue(const std::string& binName) {
    return guarded([&] {
      auto* d = need().virtualDrive();
      if (!d) throw Error(HResult::E_FAIL, "not a virtual drive");
      val o = val::object();
      o.set("cue", vdrive::cueSheet(d->mediumState(), binName));
      o.set("binSectors", vdrive::binSectorCount(d->mediumState()));
      return o;
    });
  }

  /// A copy of `count` 2352-byte sectors from the virtual drive's medium starting at `lba` (unwritten = zeros).
  val readSectors(int lba, int count) {
    return guarded([&] {
      auto* store = need().store();
      if (!store) throw Error(HResult::E_FAIL, "not a virtual drive");
      return sectorsOf(*store, lba, count);
    });
  }

 private:
  Burner& need() {
    if (!burner_) throw Error(HResult::E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED, "open a drive first");
    return *burner_;
  }
  std::unique_ptr<Burner> burner_;
};

/// The virtual drive seen from the USB side, for presenting it to a browser as a USB device (WebUSB tests with
/// the MojoJS fake, shared/webusb-lab): each method is one USB transfer arriving from the host, answered by the
/// drive's Bulk-Only device side (USB MSC BOT 1.0 §5). Unthrottled (FakeClock). Statuses: 'ok', 'stall', 'error'.
class KilnUsbDevice {
 public:
  val open(const std::string& media) {
    return guarded([&] {
      drive_.reset();
      store_ = std::make_unique<vdrive::MemoryStore>();
      drive_ = std::make_unique<vdrive::VirtualDrive>(*store_, mediaKindOf(media), clock_);
      return val::undefined();
    });
  }
  /// Host → device bulk OUT transfer (a CBW or data).
  val bulkOut(val bytes) {
    return guarded([&] {
      auto data = emscripten::convertJSArrayToNumberVector<std::uint8_t>(bytes);
      auto r = need().hostPipe().bulkOut(data, 30'000);
      return transfer(r, val::undefined());
    });
  }
  /// Device → host bulk IN transfer of up to `length` bytes (data or a CSW).
  val bulkIn(int length) {
    return guarded([&] {
      std::vector<std::uint8_t> buf(static_cast<std::size_t>(length));
      auto r = need().hostPipe().bulkIn(buf, 30'000);
      return transfer(r, val(emscripten::typed_memory_view(r.length, buf.data())).call<val>("slice"));
    });
  }
  /// Class control request (BOT reset FFh, Get Max LUN FEh); `requestType` is bmRequestType.
  val control(int requestType, int request, int value, int index, val outBytes, int inLength) {
    return guarded([&] {
      usb::ControlSetup s{static_cast<std::uint8_t>(requestType), static_cast<std::uint8_t>(request),
                          static_cast<std::uint16_t>(value), static_cast<std::uint16_t>(index)};
      std::vector<std::uint8_t> buf = (requestType & 0x80) ? std::vector<std::uint8_t>(static_cast<std::size_t>(inLength))
                                                           : emscripten::convertJSArrayToNumberVector<std::uint8_t>(outBytes);
      auto r = need().hostPipe().control(s, buf, 5'000);
      return transfer(r, (requestType & 0x80) ? val(emscripten::typed_memory_view(r.length, buf.data())).call<val>("slice") : val::undefined());
    });
  }
  val clearHalt(bool inbound) {
    return guarded([&] {
      auto st = need().hostPipe().clearHalt(inbound ? usb::Endpoint::BulkIn : usb::Endpoint::BulkOut);
      return val(std::string(statusName(st)));
    });
  }
  val discState() { return guarded([&] { return discStateOf(need()); }); }
  val readSectors(int lba, int count) { return guarded([&] { return sectorsOf(*store_, lba, count); }); }

 private:
  vdrive::VirtualDrive& need() {
    if (!drive_) throw Error(HResult::E_FAIL, "open() the device first");
    return *drive_;
  }
  static const char* statusName(usb::TransferStatus s) {
    switch (s) {
      case usb::TransferStatus::Ok: return "ok";
      case usb::TransferStatus::Stall: return "stall";
      default: return "error";
    }
  }
  static val transfer(const usb::TransferResult& r, val data) {
    val o = val::object();
    o.set("status", std::string(statusName(r.status)));
    o.set("length", static_cast<double>(r.length));
    if (!data.isUndefined()) o.set("data", data);
    return o;
  }
  FakeClock clock_;
  std::unique_ptr<vdrive::MemoryStore> store_;
  std::unique_ptr<vdrive::VirtualDrive> drive_;
};

/// "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE" for 0xC0AA0509 (the one HRESULT list, core/imapi/hresult_list.inc).
std::string nameOfHResult(double value) {
  return std::string(hresultName(static_cast<HResult>(static_cast<std::uint32_t>(value))));
}

}  // namespace kiln::wasm

EMSCRIPTEN_BINDINGS(kiln) {
  using namespace kiln::wasm;
  emscripten::class_<KilnBurner>("KilnBurner")
      .constructor<>()
      .function("openVirtual", &KilnBurner::openVirtual)
      .function("setVirtualSpeed", &KilnBurner::setVirtualSpeed)
      .function("openWebUsb", &KilnBurner::openWebUsb)
      .function("prepare", &KilnBurner::prepare)
      .function("addAudioTrack", &KilnBurner::addAudioTrack)
      .function("release", &KilnBurner::release)
      .function("properties", &KilnBurner::properties)
      .function("discState", &KilnBurner::discState)
      .function("exportCue", &KilnBurner::exportCue)
      .function("readSectors", &KilnBurner::readSectors);
  emscripten::class_<KilnUsbDevice>("KilnUsbDevice")
      .constructor<>()
      .function("open", &KilnUsbDevice::open)
      .function("bulkOut", &KilnUsbDevice::bulkOut)
      .function("bulkIn", &KilnUsbDevice::bulkIn)
      .function("control", &KilnUsbDevice::control)
      .function("clearHalt", &KilnUsbDevice::clearHalt)
      .function("discState", &KilnUsbDevice::discState)
      .function("readSectors", &KilnUsbDevice::readSectors);
  emscripten::function("hresultName", &nameOfHResult);
}
