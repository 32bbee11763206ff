#pragma once
// Write-speed selection shared by the Track-At-Once and disc-at-once writers (SetWriteSpeed and the speed
// properties of IDiscFormat2TrackAtOnce and IDiscFormat2RawCD). MMC-6 §6.8 GET PERFORMANCE type 03h, §6.37 SET CD
// SPEED; MMC-NOTES D.5.
#include <cstdint>
#include <vector>

#include "core/imapi/hresult.h"
#include "core/mmc/recorder.h"

namespace kiln::formats {

/// Picks the fastest write-speed descriptor not above `sectorsPerSecond` (75 = 1x; ≤ 0 or INT32_MAX = fastest)
/// with the requested rotation (pure CAV or CLV), or the slowest if none fits, and sends SET CD SPEED. Returns S_OK,
/// S_IMAPI_SPEEDADJUSTED (another speed), S_IMAPI_ROTATIONADJUSTED (no descriptor with that rotation) or
/// S_IMAPI_BOTHADJUSTED. Drive errors propagate.
HResult selectWriteSpeed(mmc::Recorder& recorder, std::int32_t sectorsPerSecond, bool pureCAV);

/// Distinct write speeds of the drive's descriptors, sectors/s, fastest first.
std::vector<std::int32_t> distinctWriteSpeeds(const std::vector<mmc::WriteSpeedDescriptor>& descriptors);

}  // namespace kiln::formats
