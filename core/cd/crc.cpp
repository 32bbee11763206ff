#include "core/cd/crc.h"

#include <array>

namespace kiln::cd {
namespace {

constexpr std::array<std::uint16_t, 256> makeCrc16Table() {
  std::array<std::uint16_t, 256> t{};
  for (unsigned i = 0; i < 256; ++i) {
    std::uint16_t r = static_cast<std::uint16_t>(i << 8);
    for (int b = 0; b < 8; ++b) r = static_cast<std::uint16_t>((r & 0x8000) ? (r << 1) ^ 0x1021 : r << 1);
    t[i] = r;
  }
  return t;
}

/// Slicing-by-4 tables: t[0] is the classic byte table, t[k][i] = CRC of byte i followed by k zero bytes.
struct EdcTables {
  std::uint32_t t[4][256]{};
};

constexpr EdcTables makeEdcTables() {
  EdcTables e{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t r = i;
    for (int b = 0; b < 8; ++b) r = (r & 1) ? (r >> 1) ^ 0xD8018001u : r >> 1;
    e.t[0][i] = r;
  }
  for (int k = 1; k < 4; ++k)
    for (std::uint32_t i = 0; i < 256; ++i) e.t[k][i] = (e.t[k - 1][i] >> 8) ^ e.t[0][e.t[k - 1][i] & 0xFF];
  return e;
}

constexpr auto kCrc16Table = makeCrc16Table();
constexpr EdcTables kEdc = makeEdcTables();

}  // namespace

std::uint16_t crc16Subcode(const std::uint8_t* data, std::size_t size) {
  std::uint16_t crc = 0;
  for (std::size_t i = 0; i < size; ++i)
    crc = static_cast<std::uint16_t>((crc << 8) ^ kCrc16Table[((crc >> 8) ^ data[i]) & 0xFF]);
  return static_cast<std::uint16_t>(~crc);
}

std::uint32_t edc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc) {
  std::size_t i = 0;
  for (; i + 4 <= size; i += 4) {
    crc ^= std::uint32_t(data[i]) | std::uint32_t(data[i + 1]) << 8 | std::uint32_t(data[i + 2]) << 16 |
           std::uint32_t(data[i + 3]) << 24;
    crc = kEdc.t[3][crc & 0xFF] ^ kEdc.t[2][(crc >> 8) & 0xFF] ^ kEdc.t[1][(crc >> 16) & 0xFF] ^ kEdc.t[0][crc >> 24];
  }
  for (; i < size; ++i) crc = (crc >> 8) ^ kEdc.t[0][(crc ^ data[i]) & 0xFF];
  return crc;
}

}  // namespace kiln::cd
