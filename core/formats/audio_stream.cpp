#include "core/formats/audio_stream.h"

#include <algorithm>
#include <cstring>

namespace kiln::formats {

std::size_t MemoryAudioStream::read(std::span<std::uint8_t> out) {
  const std::size_t n = std::min(out.size(), bytes_.size() - pos_);
  if (n) std::memcpy(out.data(), bytes_.data() + pos_, n);
  pos_ += n;
  return n;
}

}  // namespace kiln::formats
