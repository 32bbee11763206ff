#pragma once
// A sparse in-memory MediumStore: only written sectors take memory. For tests and the WASM build.
#include <array>
#include <map>
#include <vector>

#include "vdrive/medium_store.h"

namespace kiln::vdrive {

class MemoryStore final : public MediumStore {
 public:
  void readSectors(std::int32_t lba, std::span<std::uint8_t> out) override;
  void writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) override;
  std::int32_t highestWrittenLba() const override;
  void clearSectors() override {
    sectors_.clear();
    subchannel_.clear();
  }
  bool supportsSubchannel() const override { return true; }
  void writeSubchannel(std::int32_t lba, std::span<const std::uint8_t> data) override;
  void readSubchannel(std::int32_t lba, std::span<std::uint8_t> out) override;
  std::optional<MediumState> loadState() override { return state_; }
  void saveState(const MediumState& state) override { state_ = state; ++saveCount_; }

  /// Number of sectors held (tests check that unwritten areas cost nothing).
  std::size_t storedSectorCount() const { return sectors_.size(); }
  /// How often saveState was called (tests check persistence after state changes).
  int saveCount() const { return saveCount_; }

 private:
  std::map<std::int32_t, std::vector<std::uint8_t>> sectors_;
  std::map<std::int32_t, std::array<std::uint8_t, kSubchannelBytes>> subchannel_;
  std::optional<MediumState> state_;
  int saveCount_ = 0;
};

}  // namespace kiln::vdrive
