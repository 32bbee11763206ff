#include "native-helper/audio/tags.h"

#include <sndfile.h>

#include "core/imapi/error.h"

namespace kiln::audio {

AudioTags readTags(const std::string& path) {
  SF_INFO info{};
  SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
  if (f == nullptr)
    throw Error(HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED, path + ": " + sf_strerror(nullptr));
  const auto get = [f](int type) {
    const char* s = sf_get_string(f, type);
    return std::string(s ? s : "");
  };
  AudioTags t{get(SF_STR_TITLE), get(SF_STR_ARTIST), get(SF_STR_ALBUM), get(SF_STR_COMMENT), get(SF_STR_GENRE)};
  sf_close(f);
  return t;
}

}  // namespace kiln::audio
