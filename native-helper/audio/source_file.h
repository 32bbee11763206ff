#pragma once
// One FILE of a cue sheet as 44.1 kHz 16-bit little-endian stereo bytes that can be read from any offset
// forwards: raw BINARY (little-endian) / MOTOROLA (big-endian, swapped here) read with fseek, anything else decoded
// through AudioFileStream (libsndfile + soxr). Opened lazily (read-only) and closed with close(), so a sheet of
// 99 FILEs never holds 99 decoders. Not thread-safe; used by one reader at a time.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <span>
#include <string>

#include "native-helper/audio/audio_file_stream.h"

namespace kiln::audio {

class SourceFile {
 public:
  enum class Kind { RawLE, RawBE, Decoded };

  /// Does not open the file. `path` is already resolved.
  SourceFile(std::string path, Kind kind) : path_(std::move(path)), kind_(kind) {}
  ~SourceFile() { close(); }
  SourceFile(const SourceFile&) = delete;
  SourceFile& operator=(const SourceFile&) = delete;

  /// Exact audio bytes (raw: the file size rounded down to whole 4-byte frames; decoded: AudioFileStream::sizeBytes).
  /// Opens the file to measure it. Throws like AudioFileStream / HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND.
  std::uint64_t sizeBytes();
  /// Reads out.size() bytes at `offset` (bytes of audio). Reading forwards is cheap; going back reopens a decoded
  /// file. Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_READ_FAULT) on a short read.
  void readAt(std::uint64_t offset, std::span<std::uint8_t> out);
  /// Closes the file (it reopens on the next read).
  void close();
  const std::string& path() const { return path_; }

 private:
  void open();
  void skipDecoded(std::uint64_t bytes);

  std::string path_;
  Kind kind_;
  std::FILE* raw_ = nullptr;
  std::unique_ptr<AudioFileStream> decoded_;
  std::uint64_t pos_ = 0;  ///< decoded: bytes already delivered
  std::int64_t size_ = -1;
};

}  // namespace kiln::audio
