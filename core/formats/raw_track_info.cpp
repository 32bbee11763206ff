// RawTrackInfo (IRawCDImageTrackInfo): per-track settings and index marks. MMC-NOTES A.5.
#include "core/formats/raw_track_info.h"

#include <algorithm>
#include <cstdlib>

#include "core/cd/subcode.h"
#include "core/formats/raw_image_creator.h"
#include "core/imapi/error.h"

namespace kiln::formats {

RawTrackInfo::RawTrackInfo(const RawImageCreator& owner, std::int32_t index, AudioStream& stream, std::int32_t sectors)
    : owner_(&owner), index_(index), stream_(&stream), sectors_(sectors) {}

void RawTrackInfo::requireWritable() const { owner_->requireWritable(); }

std::int32_t RawTrackInfo::startingLba() const { return owner_->streamStart(static_cast<std::size_t>(index_ - 1)); }

std::int32_t RawTrackInfo::trackNumber() const { return owner_->startingTrackNumber() + index_ - 1; }

void RawTrackInfo::setIsrc(std::string isrc) {
  requireWritable();
  if (!isrc.empty() && !cd::isValidIsrc(isrc))
    throw Error(HResult::E_INVALIDARG, "ISRC must be 12 characters CCOOOYYNNNNN: '" + isrc + "'");
  isrc_ = std::move(isrc);
}

void RawTrackInfo::setDigitalAudioCopySetting(DigitalCopySetting setting) {
  requireWritable();
  if (setting != DigitalCopySetting::Permitted && setting != DigitalCopySetting::Prohibited &&
      setting != DigitalCopySetting::Scms)
    throw Error(HResult::E_INVALIDARG, "unknown IMAPI_CD_TRACK_DIGITAL_COPY_SETTING");
  copy_ = setting;
}

void RawTrackInfo::setAudioHasPreemphasis(bool value) {
  requireWritable();
  preemphasis_ = value;
}

std::uint8_t RawTrackInfo::control() const {
  std::uint8_t c = preemphasis_ ? cd::kControlPreEmphasis : 0;
  if (copy_ != DigitalCopySetting::Prohibited) c |= cd::kControlCopyPermitted;
  return c;
}

HResult RawTrackInfo::addTrackIndex(std::int32_t lbaOffset) {
  requireWritable();
  if (lbaOffset < 0 || lbaOffset >= sectors_)
    throw Error(HResult::E_INVALIDARG, "index offset " + std::to_string(lbaOffset) + " is outside the track (0.." +
                                           std::to_string(sectors_ - 1) + ")");
  if (std::find(indexes_.begin(), indexes_.end(), lbaOffset) != indexes_.end())
    return HResult::S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS;
  if (indexes_.size() >= kMaxIndexes)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES, "a track holds at most 99 indexes");
  for (std::int32_t x : indexes_) {
    if (std::abs(x - lbaOffset) < kMinIndexSpacing)
      throw Error(HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX,
                  "index at " + std::to_string(lbaOffset) + " is within 10 sectors of the index at " + std::to_string(x));
  }
  if (sectors_ - lbaOffset < kMinIndexSpacing)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX,
                "index at " + std::to_string(lbaOffset) + " would be shorter than 10 sectors (track ends at " +
                    std::to_string(sectors_) + ")");
  indexes_.insert(std::upper_bound(indexes_.begin(), indexes_.end(), lbaOffset), lbaOffset);
  return HResult::S_OK;
}

void RawTrackInfo::clearTrackIndex(std::int32_t lbaOffset) {
  requireWritable();
  if (lbaOffset == 0)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_OFFSET_ZERO_CANNOT_BE_CLEARED, "index 1 cannot be removed");
  const auto it = std::find(indexes_.begin(), indexes_.end(), lbaOffset);
  if (it == indexes_.end())
    throw Error(HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_NOT_FOUND, "no index at offset " + std::to_string(lbaOffset));
  indexes_.erase(it);
}

void RawTrackInfo::setPregapSectors(std::int32_t sectors) {
  requireWritable();
  if (index_ == 1) throw Error(HResult::E_INVALIDARG, "track 1's pregap is the lead-in pause or the special pregap");
  if (sectors < -1) throw Error(HResult::E_INVALIDARG, "pregap must be -1 (default) or ≥ 0 sectors");
  const std::int32_t old = pregap_;
  pregap_ = sectors;
  try {
    owner_->checkFits(owner_->leadOutFor(0));
  } catch (...) {
    pregap_ = old;
    throw;
  }
}

void RawTrackInfo::setAudioPregapSectors(std::int32_t sectors) {
  requireWritable();
  if (index_ == 1) throw Error(HResult::E_INVALIDARG, "track 1 has no previous track (use addSpecialPregap)");
  if (sectors < 0) throw Error(HResult::E_INVALIDARG, "audio pregap must be ≥ 0 sectors");
  audioPregap_ = sectors;
}

}  // namespace kiln::formats
