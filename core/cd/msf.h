#pragma once
// CD addressing: MSF (minute/second/frame) and LBA. ECMA-130 §14; MMC-6 Table 34 (MSF/LBA relation).
#include <cstdint>
#include <string>

namespace kiln::cd {

inline constexpr int kFramesPerSecond = 75;       ///< sectors (frames) per second of CD time
inline constexpr int kSecondsPerMinute = 60;
inline constexpr int kPregapSectors = 150;        ///< 2 s pause before LBA 0 and TAO's default audio pause
inline constexpr int kMinTrackSectors = 300;      ///< 4 s: Red Book minimum track length
inline constexpr int kMaxTracks = 99;
inline constexpr int kAudioSectorBytes = 2352;    ///< 588 stereo frames × 4 bytes
inline constexpr int kAudioFramesPerSector = 588; ///< 44.1 kHz stereo sample frames per sector
inline constexpr int kBytesPerSampleFrame = 4;    ///< 16-bit little-endian, left then right

/// A binary (not BCD) MSF address. m may be 0..99; lead-in addresses have m ≥ 90.
struct Msf {
  std::uint8_t m = 0, s = 0, f = 0;
  friend constexpr bool operator==(const Msf&, const Msf&) = default;
};

/// MSF → LBA: (m·60+s)·75+f − 150, or − 450150 when m ≥ 90 (lead-in area, negative LBAs). MMC-6 §4.2.3.6.
constexpr std::int32_t msfToLba(Msf msf) {
  const std::int32_t frames = (msf.m * kSecondsPerMinute + msf.s) * kFramesPerSecond + msf.f;
  return msf.m >= 90 ? frames - 450150 : frames - kPregapSectors;
}

/// LBA → MSF: adds 150 for LBA ≥ −150, otherwise 450150 (lead-in). Valid for −45150 ≤ LBA ≤ 404849.
constexpr Msf lbaToMsf(std::int32_t lba) {
  const std::int32_t frames = lba >= -kPregapSectors ? lba + kPregapSectors : lba + 450150;
  return Msf{static_cast<std::uint8_t>(frames / (kSecondsPerMinute * kFramesPerSecond)),
             static_cast<std::uint8_t>((frames / kFramesPerSecond) % kSecondsPerMinute),
             static_cast<std::uint8_t>(frames % kFramesPerSecond)};
}

/// A sector count as a duration MSF with no 150 offset (e.g. track length 300 → 00:04:00).
constexpr Msf sectorsToMsf(std::uint32_t sectors) {
  return Msf{static_cast<std::uint8_t>(sectors / (kSecondsPerMinute * kFramesPerSecond)),
             static_cast<std::uint8_t>((sectors / kFramesPerSecond) % kSecondsPerMinute),
             static_cast<std::uint8_t>(sectors % kFramesPerSecond)};
}

/// Binary 0..99 → packed BCD (Q subchannel uses BCD; TOC/ATIP replies use binary). ECMA-130 §22.3.
constexpr std::uint8_t toBcd(std::uint8_t v) { return static_cast<std::uint8_t>(((v / 10) << 4) | (v % 10)); }
constexpr std::uint8_t fromBcd(std::uint8_t b) { return static_cast<std::uint8_t>((b >> 4) * 10 + (b & 0x0F)); }

/// "MM:SS:FF", as in CUE sheets and cdrdao TOC files.
std::string formatMsf(Msf msf);

}  // namespace kiln::cd
