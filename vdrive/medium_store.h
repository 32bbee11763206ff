#pragma once
// Where the virtual drive keeps its disc: 2352-byte main-channel sectors addressed by LBA from −150 (the first
// session's pregap) up, plus the serialized MediumState. Implementations: MemoryStore (sparse, tests/WASM) and
// native/DirStore (sparse disc.img + state.json). A store never needs the whole disc in memory.
#include <cstdint>
#include <optional>
#include <span>

#include "vdrive/medium_state.h"

namespace kiln::vdrive {

inline constexpr std::int32_t kFirstStoredLba = -150;  ///< lowest LBA a store holds (lead-in pause of session 1)
inline constexpr std::size_t kSectorBytes = 2352;      ///< main channel bytes per sector
inline constexpr std::size_t kSubchannelBytes = 96;    ///< raw P–W bytes per sector (room for RAW mode)

class MediumStore {
 public:
  virtual ~MediumStore() = default;
  /// Reads `out.size() / 2352` sectors starting at `lba` (≥ −150). Never-written sectors read as zeros.
  /// Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_READ_FAULT) on an I/O failure, E_INVALIDARG for lba < −150.
  virtual void readSectors(std::int32_t lba, std::span<std::uint8_t> out) = 0;
  /// Writes `data.size() / 2352` sectors starting at `lba` (audio as given: little-endian samples).
  /// Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_WRITE_FAULT) on an I/O failure.
  virtual void writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) = 0;
  /// Highest LBA ever written (−151 when nothing was written); used to close a track left open by a crash.
  virtual std::int32_t highestWrittenLba() const = 0;
  /// Drops every sector (BLANK of a CD-RW).
  virtual void clearSectors() = 0;
  /// The persisted disc state, or nullopt for a store that never saved one (a new blank disc).
  virtual std::optional<MediumState> loadState() = 0;
  /// Persists the disc state (called after every state-changing command). Throws kiln::Error on I/O failure.
  virtual void saveState(const MediumState& state) = 0;

  /// Raw (interleaved) P–W sub-channel per sector, 96 bytes, one symbol per byte (bit 7 P, bit 6 Q, bits 5–0 R–W),
  /// kept for disc-at-once writes that carry R–W (MediumState::subchannel). Addressed like the main channel (LBA
  /// ≥ −150); clearSectors drops it too. Stores without it return false.
  virtual bool supportsSubchannel() const { return false; }
  /// Writes 96-byte sub-channel records for `data.size() / 96` sectors. Default: ignored (not supported).
  /// Throws as writeSectors.
  virtual void writeSubchannel(std::int32_t /*lba*/, std::span<const std::uint8_t> /*data*/) {}
  /// Reads 96-byte sub-channel records; never-written records (and the default) read as zeros. Throws as readSectors.
  virtual void readSubchannel(std::int32_t /*lba*/, std::span<std::uint8_t> out) {
    for (auto& b : out) b = 0;
  }
};

}  // namespace kiln::vdrive
