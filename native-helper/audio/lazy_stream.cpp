#include "native-helper/audio/lazy_stream.h"

#include <algorithm>

#include "core/imapi/error.h"

namespace kiln::audio {

std::size_t LazyStream::read(std::span<std::uint8_t> out) {
  if (delivered_ >= size_) return 0;
  if (!inner_) {
    inner_ = open_();
    if (inner_->sizeBytes() != size_)
      throw Error(HResult::E_FAIL, "a stream changed size between planning (" + std::to_string(size_) +
                                       " bytes) and writing (" + std::to_string(inner_->sizeBytes()) + ")");
  }
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), size_ - delivered_));
  std::size_t got = 0;
  while (got < want) {
    const std::size_t n = inner_->read(out.subspan(got, want - got));
    if (n == 0) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, "a track ended before its planned length");
    got += n;
  }
  delivered_ += got;
  if (delivered_ == size_) inner_.reset();  // joins a decode-ahead worker, closes files
  return got;
}

}  // namespace kiln::audio
