#pragma once
// An AudioStream (core/formats/audio_stream.h) whose bytes come from JavaScript: the worker's decode →
// resample → 16-bit pipeline, registered as Module.kilnSources.get(id) = { read(maxBytes): Promise<Uint8Array> }.
// read() suspends the WASM stack (Asyncify, EM_ASYNC_JS) until JS has produced the bytes, so decoding runs at
// the writer's pace and only one chunk is in memory.
#include <cstdint>
#include <string>

#include "core/formats/audio_stream.h"
#include "core/formats/track_at_once.h"

namespace kiln::wasm {

class JsAudioStream final : public formats::AudioStream {
 public:
  /// `sourceId`: key in Module.kilnSources; `sizeBytes`: the exact byte count the source will deliver.
  /// `writer`: cancelAddTrack() is called on it when JS has requested a cancel (checked at every read).
  JsAudioStream(int sourceId, std::uint64_t sizeBytes, std::string title, formats::TrackAtOnceWriter* writer = nullptr);
  std::uint64_t sizeBytes() const override { return size_; }
  /// Throws kiln::Error(E_FAIL, "<title>: <JS error>") when the JS source fails (decode error).
  std::size_t read(std::span<std::uint8_t> out) override;

 private:
  int id_;
  std::uint64_t size_;
  std::string title_;
  formats::TrackAtOnceWriter* writer_;
};

/// True once JS asked to cancel (Module.kilnCancelRequested); read without entering the module from JS.
bool jsCancelRequested();

}  // namespace kiln::wasm
