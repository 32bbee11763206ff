#include "wasm/js_audio_stream.h"

#include <emscripten.h>

#include <climits>

#include "core/imapi/error.h"

// Returns bytes copied into [ptr, ptr+len), 0 at the end, −1 on error (message in Module.kilnLastError).
// HEAPU8 is read after the await: a memory growth during the suspension would have replaced it.
EM_ASYNC_JS(int, kiln_js_read, (int id, std::uint8_t* ptr, int len), {
  try {
    const chunk = await Module.kilnSources.get(id).read(len);
    if (chunk.length > len) throw new Error('source returned more bytes than asked');
    HEAPU8.set(chunk, ptr);
    return chunk.length;
  } catch (e) {
    Module.kilnLastError = String(e && e.message || e);
    return -1;
  }
});

// Length (UTF-8 bytes) of Module.kilnLastError, and a copy of it into [ptr, ptr+size) (3.1.6 has no
// stringToNewUTF8).
EM_JS(int, kiln_js_last_error_length, (), { return lengthBytesUTF8(String(Module.kilnLastError || 'unknown error')); });
EM_JS(void, kiln_js_last_error_copy, (char* ptr, int size), { stringToUTF8(String(Module.kilnLastError || 'unknown error'), ptr, size); });

EM_JS(int, kiln_js_cancel_requested, (), { return Module.kilnCancelRequested ? 1 : 0; });

namespace kiln::wasm {

JsAudioStream::JsAudioStream(int sourceId, std::uint64_t sizeBytes, std::string title, formats::TrackAtOnceWriter* writer)
    : id_(sourceId), size_(sizeBytes), title_(std::move(title)), writer_(writer) {}

std::size_t JsAudioStream::read(std::span<std::uint8_t> out) {
  if (writer_ && jsCancelRequested()) writer_->cancelAddTrack();
  const int len = out.size() > INT_MAX ? INT_MAX : static_cast<int>(out.size());
  const int n = kiln_js_read(id_, out.data(), len);
  if (n < 0) {
    std::string msg(static_cast<std::size_t>(kiln_js_last_error_length()) + 1, '\0');
    kiln_js_last_error_copy(msg.data(), static_cast<int>(msg.size()));
    msg.resize(msg.size() - 1);
    throw Error(HResult::E_FAIL, title_ + ": " + msg);
  }
  return static_cast<std::size_t>(n);
}

bool jsCancelRequested() { return kiln_js_cancel_requested() != 0; }

}  // namespace kiln::wasm
