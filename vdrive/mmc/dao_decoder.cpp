#include "vdrive/mmc/dao_decoder.h"

#include <algorithm>
#include <variant>

#include "core/cd/cdtext.h"
#include "core/cd/msf.h"

namespace kiln::vdrive::mmc {

void DaoDecoder::q(std::int32_t lba, const cd::QBytes& q) {
  if (!cd::qCrcOk(q)) {
    if (!firstBadQ_) firstBadQ_ = lba;
    ++badQ_;
    return;
  }
  const std::uint8_t adr = q[0] & 0x0F;
  // The common case: the same track and index as the sector before — nothing new to learn.
  if (adr == 1 && q[1] != 0 && q[1] == lastTnoBcd_ && q[2] == lastIndexBcd_) return;
  const auto frame = cd::decodeQ(q);
  if (!frame) return;  // not BCD or an unknown ADR: ignored like a reader would
  if (const auto* toc = std::get_if<cd::QToc>(&*frame)) {
    if (toc->adr == 1) toc_[toc->point] = *toc;
  } else if (const auto* pos = std::get_if<cd::QPosition>(&*frame)) {
    lastTnoBcd_ = q[1];
    lastIndexBcd_ = q[2];
    if (pos->track == cd::kLeadOutTrack) {
      if (!leadOut_) leadOut_ = lba;
    } else if (!leadOut_) {
      position(lba, pos->control, pos->track, pos->index);
    }
  } else if (const auto* mcn = std::get_if<cd::QMcn>(&*frame)) {
    mcn_ = mcn->mcn;
  } else if (const auto* isrc = std::get_if<cd::QIsrc>(&*frame)) {
    if (current_ != 0) tracks_[current_].isrc = isrc->isrc;
  }
}

void DaoDecoder::position(std::int32_t lba, std::uint8_t control, std::uint8_t track, std::uint8_t index) {
  current_ = track;
  Track& t = tracks_[track];
  if (index == 0) {
    if (!t.index0) t.index0 = lba;
  } else if (index == 1) {
    if (!t.index1) {
      t.index1 = lba;
      t.control = control;
    }
  } else if (t.index1 && index == t.more.size() + 2) {
    t.more.push_back(lba);  // indexes are numbered consecutively; a repeat or a skip is not a new mark
  }
}

void DaoDecoder::addPacks(const std::uint8_t* cooked96) {
  cd::CdTextPack packs[4];
  cd::rwSymbolsToPacks(cooked96, packs);
  for (const auto& p : packs)
    if (p[0] >= 0x80 && p[0] <= 0x8F && cd::cdTextPackCrcOk(p)) packs_.insert(p);
}

void DaoDecoder::leadInRw(const std::uint8_t* rw96) {
  std::uint8_t symbols[96], cooked[96];
  for (int i = 0; i < 96; ++i) symbols[i] = rw96[i] & 0x3F;
  addPacks(symbols);
  deinterleaver_.pushSector(symbols, cooked);
  addPacks(cooked);
}

std::vector<TrackRecord> DaoDecoder::tracks(std::int32_t end) const {
  std::vector<TrackRecord> out;
  for (auto it = tracks_.begin(); it != tracks_.end(); ++it) {
    const Track& t = it->second;
    if (!t.index1 || *t.index1 >= end) continue;
    TrackRecord r;
    r.start = *t.index1;
    r.control = t.control;
    r.isrc = t.isrc;
    r.pregap = out.empty() ? r.start + cd::kPregapSectors : (t.index0 ? r.start - *t.index0 : 0);
    std::int32_t next = end;
    const auto after = std::next(it);
    if (after != tracks_.end()) {
      const Track& n = after->second;
      if (n.index0) next = std::min(next, *n.index0);
      else if (n.index1) next = std::min(next, *n.index1);
    }
    r.length = std::max(0, next - r.start);
    for (std::int32_t i : t.more)
      if (i < r.start + r.length) r.indexStarts.push_back(i);
    out.push_back(r);
  }
  return out;
}

std::vector<DaoDecoder::Pack> DaoDecoder::cdTextPacks() const {
  std::vector<Pack> out(packs_.begin(), packs_.end());
  std::stable_sort(out.begin(), out.end(), [](const Pack& a, const Pack& b) {
    const int ba = (a[3] >> 4) & 0x07, bb = (b[3] >> 4) & 0x07;
    return ba != bb ? ba < bb : a[2] < b[2];
  });
  return out;
}

std::vector<std::string> DaoDecoder::notes() const {
  std::vector<std::string> out;
  if (badQ_ > 0)
    out.push_back(std::to_string(badQ_) + " sector(s) with a bad Q CRC (first at LBA " + std::to_string(*firstBadQ_) +
                  "), recorded as given");
  for (const auto& [number, t] : tracks_) {
    const auto it = toc_.find(cd::toBcd(number));
    if (it == toc_.end() || !t.index1) continue;
    const std::int32_t tocStart = cd::msfToLba({cd::fromBcd(it->second.pmin), cd::fromBcd(it->second.psec),
                                                cd::fromBcd(it->second.pframe)});
    if (tocStart != *t.index1)
      out.push_back("lead-in TOC puts track " + std::to_string(number) + " at LBA " + std::to_string(tocStart) +
                    ", its INDEX 01 was written at LBA " + std::to_string(*t.index1));
  }
  return out;
}

}  // namespace kiln::vdrive::mmc
