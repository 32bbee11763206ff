#include "vdrive/mmc/mode_pages.h"

#include <algorithm>

namespace kiln::vdrive::mmc {

namespace {

std::array<std::uint8_t, ModePages::kPage01Bytes> defaultPage01() {
  std::array<std::uint8_t, ModePages::kPage01Bytes> p{};
  p[0] = 0x01;
  p[1] = 0x0A;
  p[3] = 0x10;  // read retry count
  return p;
}

/// Defaults: TAO, 2-channel audio, block type 0 (2352), audio pause 150, finalise (multi-session 00b), BUFE off.
std::array<std::uint8_t, ModePages::kPage05Bytes> defaultPage05() {
  std::array<std::uint8_t, ModePages::kPage05Bytes> p{};
  p[0] = 0x05;
  p[1] = 0x32;
  p[2] = kWriteTao;
  p[14] = 0x00;
  p[15] = 150;
  return p;
}

/// Bits the host may change (MODE SENSE page control 01b).
std::array<std::uint8_t, ModePages::kPage05Bytes> changeable05() {
  std::array<std::uint8_t, ModePages::kPage05Bytes> m{};
  m[0] = 0x05;
  m[1] = 0x32;
  m[2] = 0x7F;  // BUFE, LS_V, Test Write, write type
  m[3] = 0xFF;  // multi-session, FP, copy, track mode
  m[4] = 0x0F;  // data block type
  m[5] = 0xFF;  // link size
  m[7] = 0x3F;  // host application code
  m[8] = 0xFF;  // session format
  for (std::size_t i = 10; i < ModePages::kPage05Bytes; ++i) m[i] = 0xFF;  // packet size, pause, MCN, ISRC, subheader
  return m;
}

}  // namespace

std::uint16_t speedKbPerSecond(int speedX) { return static_cast<std::uint16_t>((speedX * 1764 + 5) / 10); }

ModePages::ModePages() : p01_(defaultPage01()), p05_(defaultPage05()) {}

std::string ModePages::mediaCatalogNumber() const {
  if (!(p05_[16] & 0x80)) return {};
  return std::string(p05_.begin() + 17, p05_.begin() + 30);
}

std::string ModePages::isrc() const {
  if (!(p05_[32] & 0x80)) return {};
  return std::string(p05_.begin() + 33, p05_.begin() + 45);
}

std::vector<std::uint8_t> ModePages::page01(PageControl pc) const {
  auto p = pc == PageControl::Default ? defaultPage01() : p01_;
  if (pc == PageControl::Changeable) {
    p = {};
    p[0] = 0x01;
    p[1] = 0x0A;
    p[2] = 0xFF;
    p[3] = 0xFF;
  }
  return {p.begin(), p.end()};
}

std::vector<std::uint8_t> ModePages::page05(PageControl pc) const {
  const auto p = pc == PageControl::Changeable ? changeable05() : pc == PageControl::Default ? defaultPage05() : p05_;
  return {p.begin(), p.end()};
}

bool ModePages::validCombination(std::uint8_t writeType, std::uint8_t blockType) {
  const bool userData = blockType >= 8 && blockType <= 13;
  switch (writeType) {
    case kWriteTao: return blockType == 0 || userData;
    case kWriteSao: return blockType <= 3 || userData;
    case kWriteRaw: return blockType >= 1 && blockType <= 3;
    default: return false;  // packet writing and layer jump are not CD recorder features here
  }
}

std::uint32_t ModePages::blockBytes(std::uint8_t blockType) {
  switch (blockType) {
    case 0: return 2352;
    case 1: return 2368;
    case 2:
    case 3: return 2448;
    case 8:
    case 10: return 2048;
    case 9: return 2336;
    case 11: return 2056;
    case 12: return 2324;
    case 13: return 2332;
    default: return 0;
  }
}

bool ModePages::selectPage(std::span<const std::uint8_t> page) {
  if (page.size() < 2) return false;
  const std::uint8_t code = page[0] & 0x3F;
  const std::size_t given = std::min<std::size_t>(page.size(), std::size_t{2} + page[1]);
  if (code == 0x01) {
    if (given < 4) return false;
    p01_[2] = page[2];
    p01_[3] = page[3];
    return true;
  }
  if (code != 0x05 || given < 16) return false;  // need at least up to the audio pause length
  const std::uint8_t writeType = page[2] & 0x0F;
  const std::uint8_t blockType = page[4] & 0x0F;
  if (!validCombination(writeType, blockType)) return false;
  const auto mask = changeable05();
  for (std::size_t i = 2; i < std::min(given, kPage05Bytes); ++i)
    p05_[i] = static_cast<std::uint8_t>((p05_[i] & ~mask[i]) | (page[i] & mask[i]));
  return true;
}

}  // namespace kiln::vdrive::mmc
