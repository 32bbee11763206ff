#include "native-helper/audio/sndfile_decoder.h"

#include <sndfile.h>

#include <filesystem>
#include <system_error>
#include <vector>

#include "core/imapi/error.h"

namespace kiln::audio {
namespace {

std::string formatName(int format) {
  std::string name;
  SF_FORMAT_INFO major{};
  major.format = format & SF_FORMAT_TYPEMASK;
  if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &major, sizeof major) == 0 && major.name) name = major.name;
  SF_FORMAT_INFO sub{};
  sub.format = format & SF_FORMAT_SUBMASK;
  if (sf_command(nullptr, SFC_GET_FORMAT_INFO, &sub, sizeof sub) == 0 && sub.name) name += std::string(" / ") + sub.name;
  return name;
}

void requireRegularFile(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status))
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND, path + ": no such file");
  if (!std::filesystem::is_regular_file(status))
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND, path + ": not a regular file");
}

}  // namespace

SndfileDecoder::SndfileDecoder(const std::string& path) {
  requireRegularFile(path);
  SF_INFO sfinfo{};
  file_ = sf_open(path.c_str(), SFM_READ, &sfinfo);
  if (!file_)
    throw Error(HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED,
                path + ": not a readable audio file (" + sf_strerror(nullptr) + ")");
  info_.path = path;
  info_.formatName = formatName(sfinfo.format);
  info_.sampleRate = sfinfo.samplerate;
  info_.channels = sfinfo.channels;
  if (sfinfo.samplerate <= 0 || sfinfo.channels <= 0) {
    sf_close(file_);
    file_ = nullptr;
    throw Error(HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED, path + ": no sample rate or channels in the header");
  }
  if (sfinfo.frames > 0 && sfinfo.frames != SF_COUNT_MAX) {
    info_.frames = static_cast<std::uint64_t>(sfinfo.frames);
  } else {
    countFrames();
  }
}

SndfileDecoder::~SndfileDecoder() {
  if (file_) sf_close(file_);
}

void SndfileDecoder::countFrames() {
  std::vector<float> scratch(4096 * static_cast<std::size_t>(info_.channels));
  std::uint64_t total = 0;
  while (const std::size_t n = readFrames(scratch.data(), 4096)) total += n;
  info_.frames = total;
  if (sf_seek(file_, 0, SEEK_SET) != 0)
    throw Error(HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED, info_.path + ": length unknown and not seekable");
}

std::size_t SndfileDecoder::readFrames(float* out, std::size_t frames) {
  const sf_count_t n = sf_readf_float(file_, out, static_cast<sf_count_t>(frames));
  if (n < 0 || (n == 0 && sf_error(file_) != SF_ERR_NO_ERROR))
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, info_.path + ": decode error (" + sf_strerror(file_) + ")");
  return static_cast<std::size_t>(n);
}

}  // namespace kiln::audio
