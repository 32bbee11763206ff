// CD-TEXT packs in the lead-in R–W sub-channel (declared in cdtext.h): 4 packs per sector, cycled, optionally with
// the Red Book R–W interleave. MMC-NOTES D.3/D.8.
#include <algorithm>
#include <cstring>

#include "core/cd/cdtext.h"
#include "core/cd/subcode.h"
#include "core/imapi/error.h"

namespace kiln::cd {
namespace {

bool byBlockThenSequence(const CdTextPack& a, const CdTextPack& b) {
  const int ba = (a[3] >> 4) & 7, bb = (b[3] >> 4) & 7;
  return ba != bb ? ba < bb : a[2] < b[2];
}

}  // namespace

void packsToRwSymbols(const CdTextPack* packs4, std::uint8_t* rw96) {
  for (std::size_t k = 0; k < 4; ++k) {
    const std::uint8_t* b = packs4[k].data();
    std::uint8_t* s = rw96 + 24 * k;
    for (std::size_t g = 0; g < 6; ++g, b += 3, s += 4) {
      s[0] = b[0] >> 2;
      s[1] = static_cast<std::uint8_t>(((b[0] & 0x03) << 4) | (b[1] >> 4));
      s[2] = static_cast<std::uint8_t>(((b[1] & 0x0F) << 2) | (b[2] >> 6));
      s[3] = b[2] & 0x3F;
    }
  }
}

void rwSymbolsToPacks(const std::uint8_t* rw96, CdTextPack* packs4) {
  for (std::size_t k = 0; k < 4; ++k) {
    std::uint8_t* b = packs4[k].data();
    const std::uint8_t* s = rw96 + 24 * k;
    for (std::size_t g = 0; g < 6; ++g, b += 3, s += 4) {
      b[0] = static_cast<std::uint8_t>((s[0] & 0x3F) << 2 | (s[1] & 0x3F) >> 4);
      b[1] = static_cast<std::uint8_t>((s[1] & 0x0F) << 4 | (s[2] & 0x3F) >> 2);
      b[2] = static_cast<std::uint8_t>((s[2] & 0x03) << 6 | (s[3] & 0x3F));
    }
  }
}

CdTextLeadIn::CdTextLeadIn(std::vector<CdTextPack> packs, bool interleaved)
    : packs_(packs.size()), interleaved_(interleaved) {
  if (packs.empty()) throw Error(HResult::E_INVALIDARG, "CD-TEXT: no packs to carry in the lead-in");
  // Pad to a multiple of 4 packs only for the conversion; the cycle itself is packs_ long.
  std::vector<CdTextPack> padded = packs;
  padded.resize((packs.size() + 3) / 4 * 4);
  std::vector<std::uint8_t> sym(padded.size() * 24);
  for (std::size_t i = 0; i < padded.size(); i += 4) packsToRwSymbols(&padded[i], &sym[i * 24]);
  sym.resize(packs_ * 24);
  symbols_ = std::move(sym);
}

void CdTextLeadIn::rw(std::int64_t sector, std::uint8_t* rw96) const {
  const std::size_t n = packs_;
  for (std::size_t k = 0; k < 4; ++k) {
    const std::int64_t pack = sector * 4 + static_cast<std::int64_t>(k);
    for (std::size_t j = 0; j < kRwPackSymbols; ++j) {
      std::int64_t src = pack;
      std::size_t pos = j;
      if (interleaved_) {  // raw pack k, position j ← cooked pack k − (j mod 8), symbol swap(j); see subcode.h
        src -= static_cast<std::int64_t>(rwDelayPacks(j));
        pos = rwSwapPosition(j);
      }
      const std::size_t idx = static_cast<std::size_t>(((src % static_cast<std::int64_t>(n)) + n) % n);
      rw96[k * kRwPackSymbols + j] = symbols_[idx * kRwPackSymbols + pos];
    }
  }
}

std::vector<CdTextPack> packsFromLeadIn(const std::uint8_t* rw, std::size_t sectors, bool interleaved) {
  const std::size_t totalPacks = sectors * 4;
  std::vector<std::uint8_t> cooked(totalPacks * 24);
  std::size_t usable = totalPacks;
  if (interleaved) {
    usable = totalPacks >= 7 ? totalPacks - 7 : 0;
    for (std::size_t k = 0; k < usable; ++k)
      for (std::size_t i = 0; i < 24; ++i) {
        const std::size_t j = rwSwapPosition(i);
        cooked[k * 24 + i] = rw[(k + rwDelayPacks(j)) * 24 + j];
      }
  } else {
    std::memcpy(cooked.data(), rw, totalPacks * 24);
  }
  cooked.resize((usable + 3) / 4 * 4 * 24);
  std::vector<CdTextPack> out;
  for (std::size_t k = 0; k + 4 <= cooked.size() / 24; k += 4) {
    CdTextPack four[4];
    rwSymbolsToPacks(&cooked[k * 24], four);
    for (std::size_t i = 0; i < 4 && k + i < usable; ++i)
      if (cdTextPackCrcOk(four[i]) && std::find(out.begin(), out.end(), four[i]) == out.end()) out.push_back(four[i]);
  }
  std::stable_sort(out.begin(), out.end(), byBlockThenSequence);
  return out;
}

}  // namespace kiln::cd
