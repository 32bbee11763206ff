#include "vdrive/memory_store.h"

#include <algorithm>

#include "core/imapi/error.h"

namespace kiln::vdrive {

void MemoryStore::readSectors(std::int32_t lba, std::span<std::uint8_t> out) {
  if (lba < kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sector address below LBA -150");
  const std::size_t count = out.size() / kSectorBytes;
  for (std::size_t i = 0; i < count; ++i) {
    auto dst = out.subspan(i * kSectorBytes, kSectorBytes);
    const auto it = sectors_.find(lba + static_cast<std::int32_t>(i));
    if (it == sectors_.end())
      std::fill(dst.begin(), dst.end(), std::uint8_t{0});
    else
      std::copy(it->second.begin(), it->second.end(), dst.begin());
  }
}

void MemoryStore::writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) {
  if (lba < kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sector address below LBA -150");
  const std::size_t count = data.size() / kSectorBytes;
  for (std::size_t i = 0; i < count; ++i) {
    auto src = data.subspan(i * kSectorBytes, kSectorBytes);
    sectors_[lba + static_cast<std::int32_t>(i)].assign(src.begin(), src.end());
  }
}

void MemoryStore::writeSubchannel(std::int32_t lba, std::span<const std::uint8_t> data) {
  if (lba < kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sub-channel address below LBA -150");
  for (std::size_t i = 0; i < data.size() / kSubchannelBytes; ++i)
    std::copy_n(data.begin() + static_cast<std::ptrdiff_t>(i * kSubchannelBytes), kSubchannelBytes,
                subchannel_[lba + static_cast<std::int32_t>(i)].begin());
}

void MemoryStore::readSubchannel(std::int32_t lba, std::span<std::uint8_t> out) {
  if (lba < kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sub-channel address below LBA -150");
  for (std::size_t i = 0; i < out.size() / kSubchannelBytes; ++i) {
    auto dst = out.subspan(i * kSubchannelBytes, kSubchannelBytes);
    const auto it = subchannel_.find(lba + static_cast<std::int32_t>(i));
    if (it == subchannel_.end())
      std::fill(dst.begin(), dst.end(), std::uint8_t{0});
    else
      std::copy(it->second.begin(), it->second.end(), dst.begin());
  }
}

std::int32_t MemoryStore::highestWrittenLba() const {
  return sectors_.empty() ? kFirstStoredLba - 1 : sectors_.rbegin()->first;
}

}  // namespace kiln::vdrive
