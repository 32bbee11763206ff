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

}  // namespace

/// The object the worker holds: one drive and its Track-At-Once writer (IDiscFormat2TrackAtOnce).
class KilnBurner {
 public:
  val openVirtual(const std::string& media, double speedX) {
    return guarded([&] { burner_ = Burner::makeVirtual(media, speedX); return val::undefined(); });
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
      const auto& s = d->mediumState();
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
    });
  }

  /// A copy of `count` 2352-byte sectors from the virtual drive's medium starting at `lba` (unwritten = zeros).
  val readSectors(int lba, int count) {
    return guarded([&] {
      auto* store = need().store();
      if (!store) throw Error(HResult::E_FAIL, "not a virtual drive");
      std::vector<std::uint8_t> buf(static_cast<std::size_t>(count) * 2352);
      store->readSectors(lba, buf);
      return val(emscripten::typed_memory_view(buf.size(), buf.data())).call<val>("slice");
    });
  }

 private:
  Burner& need() {
    if (!burner_) throw Error(HResult::E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED, "open a drive first");
    return *burner_;
  }
  std::unique_ptr<Burner> burner_;
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
      .function("readSectors", &KilnBurner::readSectors);
  emscripten::function("hresultName", &nameOfHResult);
}
