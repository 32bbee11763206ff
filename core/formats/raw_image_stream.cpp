// RawImageStream: generates the raw image one sector at a time (main channel from the track streams, Q/P from
// cd::SubcodeLayout, R–W from CD-TEXT and/or the caller's generator). ECMA-130 §22; MMC-NOTES A.5, D.7–D.9.
#include <algorithm>
#include <cstring>

#include "core/formats/raw_image_creator.h"
#include "core/imapi/error.h"

namespace kiln::formats {
namespace {

/// Reads up to out.size() bytes, looping over short reads; returns the count (less only at the stream's end).
std::size_t readFully(AudioStream& s, std::uint8_t* out, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const std::size_t r = s.read(std::span<std::uint8_t>(out + got, n - got));
    if (r == 0) break;
    got += r;
  }
  return got;
}

/// Serial Copy Management (one generation allowed): the copy bit alternates at 9.375 Hz, 4 sectors set then 4
/// clear (IEC 60908 / Red Book SCMS).
bool scmsCopyBit(std::int32_t lba) { return ((lba + cd::kPregapSectors) / 4) % 2 == 0; }

}  // namespace

RawImageStream::RawImageStream(cd::SubcodeLayout layout, RawCdSectorType type, std::vector<RunState> runs,
                               std::vector<bool> scmsTracks, std::optional<cd::CdTextLeadIn> cdText,
                               AudioStream* rwGenerator)
    : layout_(std::move(layout)), type_(type), runs_(std::move(runs)), scms_(std::move(scmsTracks)),
      cdText_(std::move(cdText)), rwGen_(rwGenerator) {
  sector_.resize(static_cast<std::size_t>(rawSectorBytes(type_)));
  pos_ = sector_.size();
}

std::uint64_t RawImageStream::sizeBytes() const {
  return static_cast<std::uint64_t>(sectorCount()) * static_cast<std::uint64_t>(bytesPerSector());
}

std::size_t RawImageStream::read(std::span<std::uint8_t> out) {
  std::size_t n = 0;
  while (n < out.size()) {
    if (pos_ == sector_.size()) {
      if (next_ >= layout_.end()) break;
      generate(next_++, sector_.data());
      pos_ = 0;
    }
    const std::size_t k = std::min(out.size() - n, sector_.size() - pos_);
    std::memcpy(out.data() + n, sector_.data() + pos_, k);
    n += k;
    pos_ += k;
  }
  return n;
}

void RawImageStream::skipSectors(std::int32_t count) {
  if (pos_ != sector_.size()) throw Error(HResult::E_INVALIDARG, "skipSectors: not at a sector boundary");
  if (count < 0 || next_ + count > layout_.end())
    throw Error(HResult::E_INVALIDARG, "skipSectors: " + std::to_string(count) + " sectors is beyond the image");
  std::uint8_t scratch[2352];
  std::uint8_t rw[96];
  for (std::int32_t i = 0; i < count; ++i, ++next_) {
    mainChannel(next_, scratch);  // keeps the track streams in step
    if (rwGen_ != nullptr) readFully(*rwGen_, rw, sizeof rw);
  }
}

void RawImageStream::generate(std::int32_t lba, std::uint8_t* out) {
  mainChannel(lba, out);
  const cd::QBytes q = qOf(lba);
  const bool p = layout_.p(lba);
  if (type_ == RawCdSectorType::PqOnly) {
    const auto pq = cd::packPq16(q, p);
    std::memcpy(out + cd::kAudioSectorBytes, pq.data(), pq.size());
    return;
  }
  std::uint8_t rw[96];
  rwOf(lba, rw);
  cd::packPw96(q, p, rw, out + cd::kAudioSectorBytes);
}

void RawImageStream::mainChannel(std::int32_t lba, std::uint8_t* out) {
  std::memset(out, 0, cd::kAudioSectorBytes);
  while (run_ < runs_.size() && lba >= runs_[run_].lba + runs_[run_].sectors) ++run_;
  if (run_ >= runs_.size() || lba < runs_[run_].lba) return;  // lead-in, pause or lead-out: digital silence
  RunState& r = runs_[run_];
  const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(cd::kAudioSectorBytes, r.bytesLeft));
  const std::size_t got = readFully(*r.stream, out, want);
  r.bytesLeft = got < want ? 0 : r.bytesLeft - got;  // a stream that ends early continues as silence
}

cd::QBytes RawImageStream::qOf(std::int32_t lba) const {
  cd::QFrame f = layout_.qFrame(lba);
  if (lba >= -cd::kPregapSectors && lba < layout_.leadOutStart() &&
      std::find(scms_.begin(), scms_.end(), true) != scms_.end()) {
    const auto& tracks = layout_.disc().tracks;
    std::size_t ti = 0;
    while (ti + 1 < tracks.size() && lba >= tracks[ti + 1].start - tracks[ti + 1].pregap) ++ti;
    if (scms_[ti]) {
      const std::uint8_t bit = scmsCopyBit(lba) ? cd::kControlCopyPermitted : 0;
      auto apply = [bit](std::uint8_t& c) { c = static_cast<std::uint8_t>((c & ~cd::kControlCopyPermitted) | bit); };
      if (auto* pos = std::get_if<cd::QPosition>(&f)) apply(pos->control);
      if (auto* mcn = std::get_if<cd::QMcn>(&f)) apply(mcn->control);
      if (auto* isrc = std::get_if<cd::QIsrc>(&f)) apply(isrc->control);
    }
  }
  return cd::encodeQ(f);
}

void RawImageStream::rwOf(std::int32_t lba, std::uint8_t* rw96) {
  std::memset(rw96, 0, 96);
  if (rwGen_ != nullptr) {
    readFully(*rwGen_, rw96, 96);
    for (std::size_t i = 0; i < 96; ++i) rw96[i] &= 0x3F;
  }
  if (cdText_ && lba < -cd::kPregapSectors) cdText_->rw(lba - kRawImageStartLba, rw96);
}

}  // namespace kiln::formats
