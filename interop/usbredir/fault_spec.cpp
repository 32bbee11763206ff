#include "interop/usbredir/fault_spec.h"

#include <cstdlib>

#include "core/imapi/error.h"

namespace kiln::interop {
namespace {

long number(const std::string& spec, const std::string& text, int base = 10) {
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, base);
  if (text.empty() || *end != '\0' || v < 0) throw Error(HResult::E_INVALIDARG, "bad number in --fault " + spec);
  return v;
}

}  // namespace

void applyFaultSpec(const std::string& spec, vdrive::FaultInjector& faults, double nowMs) {
  const auto eq = spec.find('=');
  const std::string key = spec.substr(0, eq);
  const std::string value = eq == std::string::npos ? std::string{} : spec.substr(eq + 1);
  if (key == "not-ready-ms") {
    faults.notReadyUntil(nowMs, static_cast<double>(number(spec, value)));
  } else if (key == "not-ready-commands") {
    faults.notReadyForCommands(static_cast<int>(number(spec, value)));
  } else if (key == "remove-after-writes") {
    faults.removeMediumAfterWrites(static_cast<int>(number(spec, value)));
  } else if (key == "write-error-lba") {
    faults.writeErrorAt(static_cast<std::int32_t>(number(spec, value)));
  } else if (key == "unit-attention" && value.empty()) {
    faults.unitAttentionOnce();
  } else if (key == "stall") {
    const auto colon = value.find(':');
    const int nth = colon == std::string::npos ? 1 : static_cast<int>(number(spec, value.substr(colon + 1)));
    faults.stallDataPhase(static_cast<std::uint8_t>(number(spec, value.substr(0, colon), 16)), nth);
  } else if (key == "phase-error") {
    faults.phaseErrorOn(static_cast<int>(number(spec, value)));
  } else if (key == "drop") {
    faults.dropCommand(static_cast<int>(number(spec, value)));
  } else {
    throw Error(HResult::E_INVALIDARG, "unknown --fault " + spec + " (see kiln-usbredir --help)");
  }
}

}  // namespace kiln::interop
