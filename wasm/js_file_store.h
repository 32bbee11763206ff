#pragma once
// A MediumStore whose sectors live outside the WebAssembly heap, in two JS-side files reached synchronously
// through Module.kilnStore (web/src/wasm/opfsStore.ts: OPFS FileSystemSyncAccessHandles in the module worker).
// File 0 holds the main channel (2352 bytes per sector), file 1 the raw P–W sub-channel (96 bytes per sector),
// both addressed from LBA −150 (byte offset = (lba + 150) × record size); never-written ranges read as zeros
// (a read past a file's end is zero-filled). The MediumState is small and stays in this object: a disc lives
// for one page session (the worker clears old files when it starts), so nothing has to survive a reload.
#include <cstdint>
#include <optional>

#include "vdrive/medium_store.h"

namespace kiln::wasm {

class JsFileStore final : public vdrive::MediumStore {
 public:
  /// Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_READ_FAULT) when the JS side fails; E_INVALIDARG for lba < −150.
  void readSectors(std::int32_t lba, std::span<std::uint8_t> out) override;
  /// Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_WRITE_FAULT) when the JS side fails (e.g. quota exceeded).
  void writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) override;
  std::int32_t highestWrittenLba() const override { return highest_; }
  /// Truncates both files to 0 bytes (BLANK of a CD-RW). Throws as writeSectors.
  void clearSectors() override;
  std::optional<vdrive::MediumState> loadState() override { return state_; }
  void saveState(const vdrive::MediumState& state) override { state_ = state; }

  bool supportsSubchannel() const override { return true; }
  void writeSubchannel(std::int32_t lba, std::span<const std::uint8_t> data) override;
  void readSubchannel(std::int32_t lba, std::span<std::uint8_t> out) override;

 private:
  std::int32_t highest_ = vdrive::kFirstStoredLba - 1;
  std::optional<vdrive::MediumState> state_;
};

}  // namespace kiln::wasm
