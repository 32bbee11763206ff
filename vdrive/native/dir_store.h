#pragma once
// A MediumStore in a directory (native only): `disc.img` holds main-channel sectors at byte offset
// (LBA + 150) × 2352 as a sparse file (unwritten ranges cost no disk and read as zeros; nothing is held in RAM),
// `disc.sub` the 96-byte raw P–W sub-channel of disc-at-once writes at (LBA + 150) × 96 (sparse too),
// `state.json` the MediumState (written to a temporary file and renamed, so a crash leaves the old or new state).
#include <string>

#include "vdrive/medium_store.h"

namespace kiln::vdrive {

class DirStore final : public MediumStore {
 public:
  /// Opens `directory`, creating it (and disc.img) if missing. A directory without state.json is a new disc:
  /// loadState() returns nullopt and the drive makes it blank. Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_WRITE_FAULT)
  /// if the directory or image cannot be created/opened.
  explicit DirStore(std::string directory);
  ~DirStore() override;
  DirStore(const DirStore&) = delete;
  DirStore& operator=(const DirStore&) = delete;

  void readSectors(std::int32_t lba, std::span<std::uint8_t> out) override;
  void writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) override;
  std::int32_t highestWrittenLba() const override;
  void clearSectors() override;
  bool supportsSubchannel() const override { return true; }
  void writeSubchannel(std::int32_t lba, std::span<const std::uint8_t> data) override;
  void readSubchannel(std::int32_t lba, std::span<std::uint8_t> out) override;
  std::optional<MediumState> loadState() override;
  void saveState(const MediumState& state) override;

  const std::string& directory() const { return dir_; }
  std::string imagePath() const { return dir_ + "/disc.img"; }
  std::string subchannelPath() const { return dir_ + "/disc.sub"; }
  std::string statePath() const { return dir_ + "/state.json"; }
  /// True if `directory` holds a disc (state.json exists).
  static bool hasDisc(const std::string& directory);

 private:
  std::string dir_;
  int fd_ = -1;
  int subFd_ = -1;
};

/// MediumState ↔ JSON text (the state.json format, "format": "kiln-vdrive-1"). Throws kiln::Error(E_INVALIDARG)
/// on malformed input.
std::string mediumStateToJson(const MediumState& state);
MediumState mediumStateFromJson(const std::string& text);

}  // namespace kiln::vdrive
