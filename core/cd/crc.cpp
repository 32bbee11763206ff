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

constexpr std::array<std::uint32_t, 256> makeEdcTable() {
  std::array<std::uint32_t, 256> t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t r = i;
    for (int b = 0; b < 8; ++b) r = (r & 1) ? (r >> 1) ^ 0xD8018001u : r >> 1;
    t[i] = r;
  }
  return t;
}

constexpr auto kCrc16Table = makeCrc16Table();
constexpr auto kEdcTable = makeEdcTable();

}  // namespace

std::uint16_t crc16Subcode(const std::uint8_t* data, std::size_t size) {
  std::uint16_t crc = 0;
  for (std::size_t i = 0; i < size; ++i)
    crc = static_cast<std::uint16_t>((crc << 8) ^ kCrc16Table[((crc >> 8) ^ data[i]) & 0xFF]);
  return static_cast<std::uint16_t>(~crc);
}

std::uint32_t edc32(const std::uint8_t* data, std::size_t size, std::uint32_t crc) {
  for (std::size_t i = 0; i < size; ++i) crc = (crc >> 8) ^ kEdcTable[(crc ^ data[i]) & 0xFF];
  return crc;
}

}  // namespace kiln::cd
