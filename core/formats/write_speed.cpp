#include "core/formats/write_speed.h"

#include <algorithm>
#include <limits>

namespace kiln::formats {

HResult selectWriteSpeed(mmc::Recorder& recorder, std::int32_t sectorsPerSecond, bool pureCAV) {
  const bool fastest = sectorsPerSecond <= 0 || sectorsPerSecond == std::numeric_limits<std::int32_t>::max();
  const std::vector<mmc::WriteSpeedDescriptor> all = recorder.writeSpeedDescriptors();
  if (all.empty()) {  // no descriptors: ask for the speed and let the drive round it
    const std::uint16_t kbps =
        fastest ? scsi::kSpeedMax
                : static_cast<std::uint16_t>(std::min<std::uint32_t>(mmc::sectorsPerSecondToKbps(sectorsPerSecond), 0xFFFE));
    recorder.setCdSpeed(scsi::kSpeedMax, kbps, pureCAV);
    return HResult::S_OK;
  }
  std::vector<mmc::WriteSpeedDescriptor> sameRotation;
  for (const auto& d : all)
    if (d.pureCAV == pureCAV) sameRotation.push_back(d);
  const bool rotationAdjusted = sameRotation.empty();
  const auto& pool = rotationAdjusted ? all : sameRotation;
  const mmc::WriteSpeedDescriptor* best = nullptr;
  for (const auto& d : pool) {
    const bool fits = fastest || d.sectorsPerSecond <= sectorsPerSecond;
    if (fits && (best == nullptr || d.sectorsPerSecond > best->sectorsPerSecond)) best = &d;
  }
  if (best == nullptr)
    best = &*std::min_element(pool.begin(), pool.end(),
                              [](const auto& a, const auto& b) { return a.sectorsPerSecond < b.sectorsPerSecond; });
  recorder.setCdSpeed(scsi::kSpeedMax, static_cast<std::uint16_t>(std::min<std::uint32_t>(best->writeSpeedKBps, 0xFFFE)),
                      best->pureCAV);
  const bool speedAdjusted = !fastest && best->sectorsPerSecond != sectorsPerSecond;
  if (speedAdjusted && rotationAdjusted) return HResult::S_IMAPI_BOTHADJUSTED;
  if (rotationAdjusted) return HResult::S_IMAPI_ROTATIONADJUSTED;
  return speedAdjusted ? HResult::S_IMAPI_SPEEDADJUSTED : HResult::S_OK;
}

std::vector<std::int32_t> distinctWriteSpeeds(const std::vector<mmc::WriteSpeedDescriptor>& descriptors) {
  std::vector<std::int32_t> out;
  for (const auto& d : descriptors)
    if (std::find(out.begin(), out.end(), d.sectorsPerSecond) == out.end()) out.push_back(d.sectorsPerSecond);
  std::sort(out.rbegin(), out.rend());
  return out;
}

}  // namespace kiln::formats
