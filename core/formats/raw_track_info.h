#pragma once
// One track of a RawImageCreator image, mirroring IMAPI2's IRawCDImageTrackInfo (MMC-NOTES A.5). Obtained from
// RawImageCreator::trackInfo(i); lives as long as the creator. Positions are computed from the creator's current
// settings (gaps, special pregap), so they change when those change, as in IMAPI.
#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/raw_types.h"
#include "core/imapi/hresult.h"

namespace kiln::formats {

class RawImageCreator;
class AudioStream;

/// Mirrors IRawCDImageTrackInfo. Setters throw kiln::Error(E_IMAPI_RAW_IMAGE_IS_READ_ONLY) once the creator's
/// createResultImage() has run.
class RawTrackInfo {
 public:
  /// Minimum distance between two index marks, and from the last mark to the end of the track (sectors).
  static constexpr std::int32_t kMinIndexSpacing = 10;
  /// Index marks per track, index 1 included (index 0 is the pregap, not a mark).
  static constexpr std::size_t kMaxIndexes = 99;

  RawTrackInfo(const RawImageCreator& owner, std::int32_t index, AudioStream& stream, std::int32_t sectors);
  RawTrackInfo(const RawTrackInfo&) = delete;
  RawTrackInfo& operator=(const RawTrackInfo&) = delete;

  /// StartingLba: LBA of index 1 (first user sector; the pregap is not included).
  std::int32_t startingLba() const;
  /// SectorCount: sectors from index 1 to the end of the track's stream (last partial sector zero-padded).
  std::int32_t sectorCount() const { return sectors_; }
  /// TrackNumber: startingTrackNumber + index − 1.
  std::int32_t trackNumber() const;
  /// SectorType: always CdSectorType::Audio.
  CdSectorType sectorType() const { return CdSectorType::Audio; }

  /// ISRC ("CCOOOYYNNNNN"; empty = none, the default). Invalid → E_INVALIDARG. Recorded in Q (ADR 3) about once
  /// per 100 sectors of the track (ECMA-130 §22.3.4.3).
  const std::string& isrc() const { return isrc_; }
  void setIsrc(std::string isrc);
  /// DigitalAudioCopySetting (Kiln's default: Prohibited = copy bit 0, as most pressed CDs). Out of range → E_INVALIDARG.
  DigitalCopySetting digitalAudioCopySetting() const { return copy_; }
  void setDigitalAudioCopySetting(DigitalCopySetting setting);
  /// AudioHasPreemphasis (Q CONTROL bit 0; default false).
  bool audioHasPreemphasis() const { return preemphasis_; }
  void setAudioHasPreemphasis(bool value);
  /// Q CONTROL nibble of the track in the TOC: pre-emphasis (1) | copy permitted (2, also for SCMS).
  std::uint8_t control() const;

  /// TrackIndexes: offsets (sectors from startingLba) of index 1, 2, …; always starts with 0 (index 1), increasing.
  const std::vector<std::int32_t>& trackIndexes() const { return indexes_; }
  /// AddTrackIndex: marks a new index at `lbaOffset` sectors after index 1. Returns S_OK, or
  /// S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS (a success code; nothing changes) for an existing offset (0 too).
  /// Throws: E_INVALIDARG (offset < 0 or ≥ sectorCount), E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES (would be the
  /// 100th), E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX (< 10 sectors from another mark or from the
  /// end of the track), E_IMAPI_RAW_IMAGE_IS_READ_ONLY.
  HResult addTrackIndex(std::int32_t lbaOffset);
  /// ClearTrackIndex. Throws E_IMAPI_RAW_IMAGE_TRACK_INDEX_OFFSET_ZERO_CANNOT_BE_CLEARED (offset 0),
  /// E_IMAPI_RAW_IMAGE_TRACK_INDEX_NOT_FOUND, E_IMAPI_RAW_IMAGE_IS_READ_ONLY.
  void clearTrackIndex(std::int32_t lbaOffset);

  // ---- Kiln extensions (not in IMAPI) ----
  /// Silent pregap (index 0) before this track in sectors, overriding the creator's gap setting; −1 (default) =
  /// use the creator's (0 gapless, or gapSectors()). Track 1's pregap is the 150-sector lead-in pause or the
  /// special pregap and cannot be set (E_INVALIDARG); negative other than −1 → E_INVALIDARG.
  std::int32_t pregapSectors() const { return pregap_; }
  void setPregapSectors(std::int32_t sectors);
  /// The last `sectors` of the previous track's stream become this track's index 0 (a ripper's INDEX 00 with
  /// audio, inside the previous FILE of a cue sheet). Default 0. Track 1 or negative → E_INVALIDARG; checked
  /// against the previous track's length (and its index marks) by the creator's layout (E_INVALIDARG).
  std::int32_t audioPregapSectors() const { return audioPregap_; }
  void setAudioPregapSectors(std::int32_t sectors);

  /// The 1-based position of the track in the image (the value addTrack returned).
  std::int32_t index() const { return index_; }
  AudioStream& stream() const { return *stream_; }

 private:
  void requireWritable() const;

  const RawImageCreator* owner_;
  std::int32_t index_;
  AudioStream* stream_;
  std::int32_t sectors_;
  std::string isrc_;
  DigitalCopySetting copy_ = DigitalCopySetting::Prohibited;
  bool preemphasis_ = false;
  std::vector<std::int32_t> indexes_{0};
  std::int32_t pregap_ = -1;
  std::int32_t audioPregap_ = 0;
};

}  // namespace kiln::formats
