#include "wasm/js_file_store.h"

#include <emscripten.h>

#include <algorithm>

#include "core/imapi/error.h"

// The JS side (Module.kilnStore, typed KilnStoreBackend in wasm/kiln_wasm.d.ts). Offsets are doubles: a disc
// file reaches ~850 MB, beyond int32. Each returns −1 on failure (the exception is logged, not thrown through
// WASM frames).
EM_JS(double, kiln_store_read, (int file, double at, std::uint8_t* ptr, int len), {
  try { return Module.kilnStore.read(file, at, HEAPU8.subarray(ptr, ptr + len)); }
  catch (e) { console.error('kilnStore.read', e); return -1; }
});
EM_JS(double, kiln_store_write, (int file, double at, const std::uint8_t* ptr, int len), {
  try { Module.kilnStore.write(file, at, HEAPU8.subarray(ptr, ptr + len)); return len; }
  catch (e) { console.error('kilnStore.write', e); return -1; }
});
EM_JS(int, kiln_store_truncate, (int file), {
  try { Module.kilnStore.truncate(file); return 0; }
  catch (e) { console.error('kilnStore.truncate', e); return -1; }
});

namespace kiln::wasm {
namespace {

constexpr int kMainFile = 0;
constexpr int kSubFile = 1;

double offsetOf(std::int32_t lba, std::size_t recordBytes) {
  if (lba < vdrive::kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sector address below LBA -150");
  return static_cast<double>(lba - vdrive::kFirstStoredLba) * static_cast<double>(recordBytes);
}

void readRecords(int file, std::int32_t lba, std::size_t recordBytes, std::span<std::uint8_t> out) {
  const double got = kiln_store_read(file, offsetOf(lba, recordBytes), out.data(), static_cast<int>(out.size()));
  if (got < 0) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, "virtual disc file read failed");
  // Past the end of the file: never written.
  std::fill(out.begin() + static_cast<std::ptrdiff_t>(std::min<double>(got, static_cast<double>(out.size()))), out.end(),
            std::uint8_t{0});
}

void writeRecords(int file, std::int32_t lba, std::size_t recordBytes, std::span<const std::uint8_t> data) {
  if (kiln_store_write(file, offsetOf(lba, recordBytes), data.data(), static_cast<int>(data.size())) < 0)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "virtual disc file write failed (storage full?)");
}

}  // namespace

void JsFileStore::readSectors(std::int32_t lba, std::span<std::uint8_t> out) {
  readRecords(kMainFile, lba, vdrive::kSectorBytes, out);
}

void JsFileStore::writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) {
  const auto count = static_cast<std::int32_t>(data.size() / vdrive::kSectorBytes);
  if (count == 0) return;
  writeRecords(kMainFile, lba, vdrive::kSectorBytes, data.first(static_cast<std::size_t>(count) * vdrive::kSectorBytes));
  highest_ = std::max(highest_, lba + count - 1);
}

void JsFileStore::clearSectors() {
  if (kiln_store_truncate(kMainFile) < 0 || kiln_store_truncate(kSubFile) < 0)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "virtual disc files could not be cleared");
  highest_ = vdrive::kFirstStoredLba - 1;
}

void JsFileStore::writeSubchannel(std::int32_t lba, std::span<const std::uint8_t> data) {
  const std::size_t whole = data.size() / vdrive::kSubchannelBytes * vdrive::kSubchannelBytes;
  if (whole) writeRecords(kSubFile, lba, vdrive::kSubchannelBytes, data.first(whole));
}

void JsFileStore::readSubchannel(std::int32_t lba, std::span<std::uint8_t> out) {
  readRecords(kSubFile, lba, vdrive::kSubchannelBytes, out);
}

}  // namespace kiln::wasm
