#pragma once
// Big-endian field helpers for CDBs and MMC/SPC parameter data (SCSI is big-endian throughout: SPC-4 §3.5),
// plus little-endian ones for USB MSC BOT wrappers (BOT 1.0 §5.1: CBW/CSW fields are little-endian).
// Callers pass spans that are large enough; out-of-range offsets are a programming error (asserted in debug).
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>

namespace kiln::scsi {

/// Reads a 16-bit big-endian value at byte `offset`.
inline std::uint16_t getBe16(std::span<const std::uint8_t> b, std::size_t offset = 0) {
  assert(offset + 2 <= b.size());
  return static_cast<std::uint16_t>((b[offset] << 8) | b[offset + 1]);
}

/// Reads a 24-bit big-endian value at byte `offset` (e.g. SEND CUE SHEET length, MMC-6 §6).
inline std::uint32_t getBe24(std::span<const std::uint8_t> b, std::size_t offset = 0) {
  assert(offset + 3 <= b.size());
  return (std::uint32_t{b[offset]} << 16) | (std::uint32_t{b[offset + 1]} << 8) | b[offset + 2];
}

/// Reads a 32-bit big-endian value at byte `offset`.
inline std::uint32_t getBe32(std::span<const std::uint8_t> b, std::size_t offset = 0) {
  assert(offset + 4 <= b.size());
  return (std::uint32_t{b[offset]} << 24) | (std::uint32_t{b[offset + 1]} << 16) |
         (std::uint32_t{b[offset + 2]} << 8) | b[offset + 3];
}

/// Reads a signed 32-bit big-endian two's-complement value (LBAs, which are negative in the lead-in: MMC-6 §4.2 (CD addressing)).
inline std::int32_t getBe32s(std::span<const std::uint8_t> b, std::size_t offset = 0) {
  const std::uint32_t u = getBe32(b, offset);
  return u <= 0x7FFFFFFFu ? static_cast<std::int32_t>(u) : -static_cast<std::int32_t>(~u) - 1;
}

/// Writes the low 16 bits of `v` big-endian at byte `offset`.
inline void putBe16(std::span<std::uint8_t> b, std::size_t offset, std::uint32_t v) {
  assert(offset + 2 <= b.size());
  b[offset] = static_cast<std::uint8_t>(v >> 8);
  b[offset + 1] = static_cast<std::uint8_t>(v);
}

/// Writes the low 24 bits of `v` big-endian at byte `offset`.
inline void putBe24(std::span<std::uint8_t> b, std::size_t offset, std::uint32_t v) {
  assert(offset + 3 <= b.size());
  b[offset] = static_cast<std::uint8_t>(v >> 16);
  b[offset + 1] = static_cast<std::uint8_t>(v >> 8);
  b[offset + 2] = static_cast<std::uint8_t>(v);
}

/// Writes `v` big-endian at byte `offset`.
inline void putBe32(std::span<std::uint8_t> b, std::size_t offset, std::uint32_t v) {
  assert(offset + 4 <= b.size());
  b[offset] = static_cast<std::uint8_t>(v >> 24);
  b[offset + 1] = static_cast<std::uint8_t>(v >> 16);
  b[offset + 2] = static_cast<std::uint8_t>(v >> 8);
  b[offset + 3] = static_cast<std::uint8_t>(v);
}

/// Writes a signed LBA as 32-bit big-endian two's complement (−150 → FF FF FF 6A; MMC-6 §4.2 (CD addressing)).
inline void putBe32s(std::span<std::uint8_t> b, std::size_t offset, std::int32_t v) {
  putBe32(b, offset, static_cast<std::uint32_t>(v));
}

/// Reads a 32-bit little-endian value (USB MSC BOT CBW/CSW fields, BOT 1.0 §5.1).
inline std::uint32_t getLe32(std::span<const std::uint8_t> b, std::size_t offset = 0) {
  assert(offset + 4 <= b.size());
  return std::uint32_t{b[offset]} | (std::uint32_t{b[offset + 1]} << 8) | (std::uint32_t{b[offset + 2]} << 16) |
         (std::uint32_t{b[offset + 3]} << 24);
}

/// Writes `v` little-endian at byte `offset` (USB MSC BOT CBW/CSW fields, BOT 1.0 §5.1).
inline void putLe32(std::span<std::uint8_t> b, std::size_t offset, std::uint32_t v) {
  assert(offset + 4 <= b.size());
  b[offset] = static_cast<std::uint8_t>(v);
  b[offset + 1] = static_cast<std::uint8_t>(v >> 8);
  b[offset + 2] = static_cast<std::uint8_t>(v >> 16);
  b[offset + 3] = static_cast<std::uint8_t>(v >> 24);
}

}  // namespace kiln::scsi
