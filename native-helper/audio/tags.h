#pragma once
// The text tags of an audio file that CD-TEXT can carry, read with libsndfile's sf_get_string (Vorbis comments,
// FLAC, WAV LIST/INFO, AIFF, ID3 as libsndfile 1.2 maps them). UTF-8 as libsndfile returns it.
#include <string>

namespace kiln::audio {

struct AudioTags {
  std::string title;    ///< SF_STR_TITLE
  std::string artist;   ///< SF_STR_ARTIST
  std::string album;    ///< SF_STR_ALBUM
  std::string comment;  ///< SF_STR_COMMENT
  std::string genre;    ///< SF_STR_GENRE
};

/// Opens `path` read-only and reads its tags; a file without tags gives empty strings. Throws like
/// SndfileDecoder (HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND, E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED).
AudioTags readTags(const std::string& path);

}  // namespace kiln::audio
