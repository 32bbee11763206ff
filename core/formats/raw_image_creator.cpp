// RawImageCreator (IRawCDImageCreator): tracks, settings, layout and the rules IMAPI enforces. The sector
// generator (RawImageStream) is in raw_image_stream.cpp. MMC-NOTES A.5, D.1, D.7, D.8.
#include "core/formats/raw_image_creator.h"

#include "core/cd/subcode.h"
#include "core/imapi/error.h"
#include "core/scsi/bytes.h"

namespace kiln::formats {
namespace {

/// Whole sectors a stream occupies (tail zero-padded). Throws E_INVALIDARG for partial sample frames.
std::int32_t streamSectors(const AudioStream& s, const char* what) {
  const std::uint64_t size = s.sizeBytes();
  if (size % cd::kBytesPerSampleFrame != 0)
    throw Error(HResult::E_INVALIDARG, std::string(what) + ": " + std::to_string(size) +
                                           " bytes is not whole 16-bit stereo sample frames (4 bytes)");
  const std::uint64_t sectors = (size + cd::kAudioSectorBytes - 1) / cd::kAudioSectorBytes;
  if (sectors > 450'000) throw Error(HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE, std::string(what) + " is longer than a CD");
  return static_cast<std::int32_t>(sectors);
}

}  // namespace

RawImageCreator::~RawImageCreator() = default;

void RawImageCreator::requireWritable() const {
  if (readOnly_) throw Error(HResult::E_IMAPI_RAW_IMAGE_IS_READ_ONLY, "createResultImage has been called");
}

void RawImageCreator::requireTracks() const {
  if (tracks_.empty()) throw Error(HResult::E_IMAPI_RAW_IMAGE_NO_TRACKS, "add a track first");
}

// ---------------------------------------------------------------- layout

std::int32_t RawImageCreator::gapBefore(std::size_t i) const {
  if (i == 0) return 0;
  const std::int32_t own = tracks_[i]->pregapSectors();
  if (own >= 0) return own;
  return gapless_ ? 0 : gapSectors_;
}

std::int32_t RawImageCreator::streamStart(std::size_t i) const {
  std::int32_t pos = -cd::kPregapSectors + (specialPregap_ != nullptr ? specialPregapSectors_ : cd::kPregapSectors);
  for (std::size_t j = 1; j <= i; ++j) pos += tracks_[j - 1]->sectorCount() + gapBefore(j);
  return pos;
}

std::int32_t RawImageCreator::leadOutFor(std::int32_t extra) const {
  if (tracks_.empty()) return streamStart(0) + extra;
  return streamStart(tracks_.size() - 1) + tracks_.back()->sectorCount() + extra;
}

void RawImageCreator::checkFits(std::int32_t leadOut) const {
  if (leadOut - 1 > kRawLastUserLba)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE,
                "the program area would end at LBA " + std::to_string(leadOut - 1) + ", past 398099 (88:29:74)");
  if (leadOutLimit_ > 0 && leadOut > leadOutLimit_)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE,
                "the lead-out would start at LBA " + std::to_string(leadOut) + ", after the limit " +
                    std::to_string(leadOutLimit_));
}

std::vector<RawImageCreator::Run> RawImageCreator::runs() const {
  std::vector<Run> out;
  if (specialPregap_ != nullptr) out.push_back({-cd::kPregapSectors, specialPregapSectors_, specialPregap_});
  for (std::size_t i = 0; i < tracks_.size(); ++i)
    out.push_back({streamStart(i), tracks_[i]->sectorCount(), &tracks_[i]->stream()});
  return out;
}

cd::DiscLayout RawImageCreator::discLayout() const {
  requireTracks();
  cd::DiscLayout d;
  d.firstTrack = static_cast<std::uint8_t>(firstTrack_);
  d.mcn = mcn_;
  d.leadInStart = kRawImageStartLba;
  d.leadOutLength = kRawLeadOutSectors;
  const std::size_t n = tracks_.size();
  for (std::size_t i = 0; i < n; ++i) {
    const RawTrackInfo& t = *tracks_[i];
    cd::TrackLayout l;
    l.control = t.control();
    l.start = streamStart(i);
    l.pregap = i == 0 ? l.start + cd::kPregapSectors : gapBefore(i) + t.audioPregapSectors();
    std::int32_t end = l.start + t.sectorCount();
    if (i + 1 < n) end -= tracks_[i + 1]->audioPregapSectors();  // the next track's index 0 with audio
    l.length = end - l.start;
    if (l.length < 1)
      throw Error(HResult::E_INVALIDARG, "track " + std::to_string(t.trackNumber()) +
                                             " is shorter than the audio pregap of the next track");
    for (std::int32_t off : t.trackIndexes()) {
      if (off == 0) continue;
      if (off >= l.length)
        throw Error(HResult::E_INVALIDARG, "track " + std::to_string(t.trackNumber()) + ": index at offset " +
                                               std::to_string(off) + " lies in the next track's audio pregap");
      l.indexStarts.push_back(l.start + off);
    }
    l.isrc = t.isrc();
    d.tracks.push_back(std::move(l));
  }
  return d;
}

// ---------------------------------------------------------------- tracks

std::int32_t RawImageCreator::addTrack(CdSectorType type, AudioStream& stream) {
  requireWritable();
  if (type != CdSectorType::Audio)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED, "only audio tracks (IMAPI_CD_SECTOR_AUDIO)");
  if (tracks_.size() >= static_cast<std::size_t>(cd::kMaxTracks) ||
      firstTrack_ + static_cast<std::int32_t>(tracks_.size()) > cd::kMaxTracks)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS, "a CD holds at most 99 tracks (track number 99)");
  const std::int32_t sectors = streamSectors(stream, "track");
  if (sectors < cd::kMinTrackSectors)
    throw Error(HResult::E_INVALIDARG, "a track needs at least 300 sectors (4 s); this stream has " +
                                           std::to_string(sectors));
  const std::int32_t index = static_cast<std::int32_t>(tracks_.size()) + 1;
  auto info = std::make_unique<RawTrackInfo>(*this, index, stream, sectors);
  const std::int32_t gap = tracks_.empty() ? 0 : (gapless_ ? 0 : gapSectors_);
  checkFits(leadOutFor(gap + sectors));
  tracks_.push_back(std::move(info));
  return index;
}

void RawImageCreator::addSpecialPregap(AudioStream& stream) {
  requireWritable();
  if (!tracks_.empty())
    throw Error(HResult::E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED, "the special pregap must be added before any track");
  if (specialPregap_ != nullptr) throw Error(HResult::E_INVALIDARG, "the special pregap is already set");
  const std::int32_t sectors = streamSectors(stream, "special pregap");
  if (sectors < cd::kPregapSectors)
    throw Error(HResult::E_INVALIDARG, "the special pregap needs at least 150 sectors (2 s); this stream has " +
                                           std::to_string(sectors));
  if (-cd::kPregapSectors + sectors - 1 > kRawLastSpecialPregapLba)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE, "the special pregap would pass LBA 397799 (88:25:74)");
  specialPregap_ = &stream;
  specialPregapSectors_ = sectors;
}

void RawImageCreator::addSubcodeRwGenerator(AudioStream& stream) {
  requireWritable();
  if (type_ == RawCdSectorType::PqOnly)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED, "a PQ-only image (2368 bytes) has no R-W");
  rwGenerator_ = &stream;
}

RawTrackInfo& RawImageCreator::trackInfo(std::int32_t index) {
  return const_cast<RawTrackInfo&>(static_cast<const RawImageCreator&>(*this).trackInfo(index));
}

const RawTrackInfo& RawImageCreator::trackInfo(std::int32_t index) const {
  if (index < 1 || index > numberOfExistingTracks())
    throw Error(HResult::E_INVALIDARG, "no track with index " + std::to_string(index));
  return *tracks_[static_cast<std::size_t>(index - 1)];
}

// ---------------------------------------------------------------- properties

void RawImageCreator::setResultingImageType(RawCdSectorType type) {
  requireWritable();
  if (!isValidRawCdSectorType(type)) throw Error(HResult::E_INVALIDARG, "unknown IMAPI_FORMAT2_RAW_CD_DATA_SECTOR_TYPE");
  if (type == RawCdSectorType::PqOnly && rwGenerator_ != nullptr)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED, "an R-W generator needs a 2448-byte image type");
  type_ = type;
}

std::int32_t RawImageCreator::startOfLeadout() const {
  requireTracks();
  return leadOutFor(0);
}

void RawImageCreator::setStartOfLeadoutLimit(std::int32_t lba) {
  requireWritable();
  if (lba < 0) throw Error(HResult::E_INVALIDARG, "the lead-out limit is an LBA ≥ 0 (0 = none)");
  const std::int32_t old = leadOutLimit_;
  leadOutLimit_ = lba;
  try {
    if (!tracks_.empty()) checkFits(leadOutFor(0));
  } catch (...) {
    leadOutLimit_ = old;
    throw;
  }
}

void RawImageCreator::setDisableGaplessAudio(bool disable) {
  requireWritable();
  const bool old = gapless_;
  gapless_ = !disable;
  try {
    if (!tracks_.empty()) checkFits(leadOutFor(0));
  } catch (...) {
    gapless_ = old;
    throw;
  }
}

void RawImageCreator::setGapSectors(std::int32_t sectors) {
  requireWritable();
  if (sectors < 0) throw Error(HResult::E_INVALIDARG, "gap must be ≥ 0 sectors");
  const std::int32_t old = gapSectors_;
  gapSectors_ = sectors;
  try {
    if (!tracks_.empty()) checkFits(leadOutFor(0));
  } catch (...) {
    gapSectors_ = old;
    throw;
  }
}

void RawImageCreator::setMediaCatalogNumber(std::string mcn) {
  requireWritable();
  if (!mcn.empty() && !cd::isValidMcn(mcn))
    throw Error(HResult::E_INVALIDARG, "the media catalog number must be 13 digits: '" + mcn + "'");
  mcn_ = std::move(mcn);
}

void RawImageCreator::setStartingTrackNumber(std::int32_t number) {
  requireWritable();
  const std::int32_t tracks = numberOfExistingTracks();
  if (number < 1 || number > cd::kMaxTracks || number + (tracks > 0 ? tracks - 1 : 0) > cd::kMaxTracks)
    throw Error(HResult::E_INVALIDARG, "starting track number must be 1..99 with the last track ≤ 99");
  firstTrack_ = number;
}

void RawImageCreator::setCdText(cd::CdText text) {
  requireWritable();
  cdText_ = std::move(text);
}

void RawImageCreator::clearCdText() {
  requireWritable();
  cdText_.reset();
}

std::vector<std::uint8_t> RawImageCreator::expectedTableOfContents() const {
  const cd::DiscLayout d = discLayout();
  std::vector<std::uint8_t> toc(4, 0);
  auto entry = [&toc](std::uint8_t control, std::uint8_t track, std::int32_t lba) {
    const std::uint8_t e[8] = {0, static_cast<std::uint8_t>(0x10 | (control & 0x0F)), track, 0, 0, 0, 0, 0};
    toc.insert(toc.end(), e, e + 8);
    scsi::putBe32s(toc, toc.size() - 4, lba);
  };
  for (std::size_t i = 0; i < d.tracks.size(); ++i)
    entry(d.tracks[i].control, static_cast<std::uint8_t>(firstTrack_ + static_cast<std::int32_t>(i)), d.tracks[i].start);
  entry(d.tracks.back().control, cd::kLeadOutTrack, startOfLeadout());
  scsi::putBe16(toc, 0, static_cast<std::uint32_t>(toc.size() - 2));
  toc[2] = static_cast<std::uint8_t>(firstTrack_);
  toc[3] = static_cast<std::uint8_t>(firstTrack_ + numberOfExistingTracks() - 1);
  return toc;
}

// ---------------------------------------------------------------- result

std::unique_ptr<RawImageStream> RawImageCreator::createResultImage() {
  requireWritable();
  requireTracks();
  checkFits(leadOutFor(0));
  std::optional<cd::CdTextLeadIn> leadIn;
  if (cdText_) {
    if (type_ == RawCdSectorType::PqOnly)
      throw Error(HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED, "CD-TEXT needs a 2448-byte image type (R-W)");
    cd::CdText text = *cdText_;
    text.firstTrack = static_cast<std::uint8_t>(firstTrack_);
    text.lastTrack = static_cast<std::uint8_t>(firstTrack_ + numberOfExistingTracks() - 1);
    leadIn.emplace(cd::buildCdTextPacks(text), type_ == RawCdSectorType::Raw);
  }
  cd::SubcodeLayout layout(discLayout());
  const std::uint64_t sectors = static_cast<std::uint64_t>(layout.end() - kRawImageStartLba);
  if (rwGenerator_ != nullptr && rwGenerator_->sizeBytes() < sectors * 96)
    throw Error(HResult::E_INVALIDARG, "the R-W generator must supply " + std::to_string(sectors * 96) +
                                           " bytes (96 per sector), it has " + std::to_string(rwGenerator_->sizeBytes()));
  std::vector<RawImageStream::RunState> states;
  for (const Run& r : runs()) states.push_back({r.lba, r.sectors, r.stream, r.stream->sizeBytes()});
  std::vector<bool> scms;
  for (const auto& t : tracks_) scms.push_back(t->digitalAudioCopySetting() == DigitalCopySetting::Scms);
  readOnly_ = true;
  return std::unique_ptr<RawImageStream>(
      new RawImageStream(std::move(layout), type_, std::move(states), std::move(scms), std::move(leadIn), rwGenerator_));
}

}  // namespace kiln::formats
