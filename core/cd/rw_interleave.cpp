// R–W interleave of subcode packs (declared in subcode.h). IEC 60908 (Red Book) §17.6; the same spreading the
// de-interleave offset table {0, 66, 125, 191, 100, 50, 150, 175, 8, …} of CD+G readers expresses.
#include <cstring>

#include "core/cd/subcode.h"

namespace kiln::cd {
namespace {

constexpr std::size_t kPack = kRwPackSymbols;

constexpr std::size_t swapPos(std::size_t j) { return rwSwapPosition(j); }
constexpr std::size_t delayOf(std::size_t j) { return rwDelayPacks(j); }

}  // namespace

void interleaveRwCyclic(const std::uint8_t* cooked, std::uint8_t* raw, std::size_t packs) {
  for (std::size_t k = 0; k < packs; ++k)
    for (std::size_t j = 0; j < kPack; ++j) {
      const std::size_t src = (k + packs * 8 - delayOf(j)) % packs;
      raw[k * kPack + j] = cooked[src * kPack + swapPos(j)];
    }
}

void deinterleaveRwCyclic(const std::uint8_t* raw, std::uint8_t* cooked, std::size_t packs) {
  for (std::size_t k = 0; k < packs; ++k)
    for (std::size_t i = 0; i < kPack; ++i) {
      const std::size_t j = swapPos(i);
      cooked[k * kPack + i] = raw[((k + delayOf(j)) % packs) * kPack + j];
    }
}

void RwInterleaver::pushSector(const std::uint8_t* cooked96, std::uint8_t* raw96) {
  // Conceptual stream: 7 history packs followed by the 4 new packs (indexes 0..10); new raw pack n is stream pack 7+n.
  std::uint8_t stream[11 * kPack];
  std::memcpy(stream, history_.data(), history_.size());
  std::memcpy(stream + history_.size(), cooked96, 4 * kPack);
  for (std::size_t n = 0; n < 4; ++n)
    for (std::size_t j = 0; j < kPack; ++j) raw96[n * kPack + j] = stream[(7 + n - delayOf(j)) * kPack + swapPos(j)];
  std::memcpy(history_.data(), stream + 4 * kPack, history_.size());
}

void RwDeinterleaver::pushSector(const std::uint8_t* raw96, std::uint8_t* cooked96) {
  std::memmove(window_.data(), window_.data() + 96, 2 * 96);
  std::memcpy(window_.data() + 2 * 96, raw96, 96);
  for (std::size_t k = 0; k < 4; ++k)
    for (std::size_t i = 0; i < kPack; ++i) {
      const std::size_t j = swapPos(i);
      cooked96[k * kPack + i] = window_[(k + delayOf(j)) * kPack + j];
    }
}

}  // namespace kiln::cd
