#include "native-helper/audio/source_file.h"

#include <sys/stat.h>

#include <algorithm>
#include <vector>

#include "core/imapi/error.h"

namespace kiln::audio {

void SourceFile::open() {
  if (kind_ == Kind::Decoded) {
    if (!decoded_) {
      decoded_ = std::make_unique<AudioFileStream>(path_);
      pos_ = 0;
    }
    return;
  }
  if (raw_) return;
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND, path_ + ": no such file");
  raw_ = std::fopen(path_.c_str(), "rb");
  if (!raw_) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND, path_ + ": cannot open");
}

void SourceFile::close() {
  if (raw_) std::fclose(raw_);
  raw_ = nullptr;
  decoded_.reset();
  pos_ = 0;
}

std::uint64_t SourceFile::sizeBytes() {
  if (size_ >= 0) return static_cast<std::uint64_t>(size_);
  open();
  if (kind_ == Kind::Decoded) {
    size_ = static_cast<std::int64_t>(decoded_->sizeBytes());
  } else {
    std::fseek(raw_, 0, SEEK_END);
    size_ = std::ftell(raw_) / 4 * 4;
  }
  return static_cast<std::uint64_t>(size_);
}

void SourceFile::skipDecoded(std::uint64_t bytes) {
  std::vector<std::uint8_t> sink(64 * 1024);
  while (bytes > 0) {
    const std::size_t n = decoded_->read({sink.data(), static_cast<std::size_t>(std::min<std::uint64_t>(bytes, sink.size()))});
    if (n == 0) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, path_ + ": ends early");
    bytes -= n;
    pos_ += n;
  }
}

void SourceFile::readAt(std::uint64_t offset, std::span<std::uint8_t> out) {
  open();
  if (kind_ == Kind::Decoded) {
    if (offset < pos_) {
      close();
      open();
    }
    skipDecoded(offset - pos_);
    std::size_t got = 0;
    while (got < out.size()) {
      const std::size_t n = decoded_->read(out.subspan(got));
      if (n == 0) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, path_ + ": ends early");
      got += n;
    }
    pos_ += got;
    return;
  }
  if (std::fseek(raw_, static_cast<long>(offset), SEEK_SET) != 0 ||
      std::fread(out.data(), 1, out.size(), raw_) != out.size())
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, path_ + ": read failed at byte " + std::to_string(offset));
  if (kind_ == Kind::RawBE)
    for (std::size_t i = 0; i + 1 < out.size(); i += 2) std::swap(out[i], out[i + 1]);
}

}  // namespace kiln::audio
