#include "native-helper/drive/faults.h"

#include <stdexcept>

#include "core/imapi/error.h"

namespace kiln::drive {
namespace {

long long parseValue(const std::string& spec, const std::string& value) {
  try {
    std::size_t used = 0;
    const long long v = std::stoll(value, &used);
    if (used == value.size()) return v;
  } catch (const std::exception&) {
  }
  throw Error(HResult::E_INVALIDARG, "--virtual-fault " + spec + ": '" + value + "' is not a number");
}

}  // namespace

void armFault(vdrive::FaultInjector& faults, Clock& clock, const std::string& spec) {
  const std::size_t eq = spec.find('=');
  const std::string name = spec.substr(0, eq);
  const std::string value = eq == std::string::npos ? "" : spec.substr(eq + 1);
  if (name == "unit-attention" && value.empty()) return faults.unitAttentionOnce();
  if (!value.empty()) {
    const long long v = parseValue(spec, value);
    if (name == "not-ready-ms") return faults.notReadyUntil(clock.nowMs(), static_cast<double>(v));
    if (name == "not-ready-commands") return faults.notReadyForCommands(static_cast<int>(v));
    if (name == "write-error-lba") return faults.writeErrorAt(static_cast<std::int32_t>(v));
    if (name == "remove-after-writes") return faults.removeMediumAfterWrites(static_cast<int>(v));
  }
  throw Error(HResult::E_INVALIDARG, "--virtual-fault " + spec +
                                         ": use not-ready-ms=N, not-ready-commands=N, write-error-lba=N, "
                                         "remove-after-writes=N or unit-attention");
}

}  // namespace kiln::drive
