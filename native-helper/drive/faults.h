#pragma once
// `--virtual-fault NAME[=VALUE]` for tests: arms one vdrive::FaultInjector fault.
#include <string>

#include "core/util/clock.h"
#include "vdrive/faults.h"

namespace kiln::drive {

/// Accepted: not-ready-ms=N (2/04/01 for N ms of clock time from now), not-ready-commands=N,
/// write-error-lba=N (3/0C/00 on the WRITE covering LBA N), remove-after-writes=N, unit-attention.
/// Anything else → kiln::Error(E_INVALIDARG) listing these.
void armFault(vdrive::FaultInjector& faults, Clock& clock, const std::string& spec);

}  // namespace kiln::drive
