#pragma once
// One audio file opened read-only through libsndfile 1.2 (WAV/AIFF/FLAC/Ogg Vorbis/Opus/MP3 and the other
// formats it reads). Decodes to interleaved float at the file's own rate and channel count.
#include <cstddef>
#include <cstdint>
#include <string>

struct sf_private_tag;  // SNDFILE

namespace kiln::audio {

/// What a file holds, from its header (libsndfile SF_INFO).
struct AudioFileInfo {
  std::string path;
  std::string formatName;   ///< e.g. "OGG (OGG Container format) / Vorbis"
  int sampleRate = 0;       ///< Hz
  int channels = 0;
  std::uint64_t frames = 0; ///< sample frames at sampleRate (exact for the formats above in libsndfile 1.2)
};

/// RAII reader. The file is opened with SFM_READ (O_RDONLY): inputs are never modified.
class SndfileDecoder {
 public:
  /// Opens `path`. Throws kiln::Error: HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND if it does not exist or is not a
  /// regular file; E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED if libsndfile cannot read it (with its message) or it
  /// reports no sample rate/channels. If the header gives no length, the file is decoded once to count frames.
  explicit SndfileDecoder(const std::string& path);
  ~SndfileDecoder();
  SndfileDecoder(const SndfileDecoder&) = delete;
  SndfileDecoder& operator=(const SndfileDecoder&) = delete;

  const AudioFileInfo& info() const { return info_; }

  /// Decodes up to `frames` frames into `out` (frames × channels floats, full scale ±1.0). Returns the frames
  /// decoded; 0 at the end. Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_READ_FAULT) on a decode error.
  std::size_t readFrames(float* out, std::size_t frames);

 private:
  void countFrames();

  sf_private_tag* file_ = nullptr;
  AudioFileInfo info_;
};

}  // namespace kiln::audio
