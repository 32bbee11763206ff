#pragma once
// `--fault SPEC` of kiln-usbredir → vdrive::FaultInjector (vdrive/faults.h). Specs:
//   not-ready-ms=MS          2/04/01 for MS ms of drive clock time from start
//   not-ready-commands=N     2/04/01 for the next N media-access commands
//   remove-after-writes=N    the medium disappears (2/3A/00) after N more WRITE commands
//   write-error-lba=LBA      the WRITE covering LBA fails with 3/0C/00
//   unit-attention           6/28/00 once
//   stall=OPCODE[:N]         STALL the data phase of the Nth next command with opcode OPCODE (hex)
//   phase-error=N            CSW phase error for the Nth next command
//   drop=N                   never answer the Nth next command (host times out, then resets)
#include <string>

#include "vdrive/faults.h"

namespace kiln::interop {

/// Arms the fault `spec` in `faults`; `nowMs` is the drive clock now (ms). Throws kiln::Error(E_INVALIDARG) for
/// an unknown or malformed spec.
void applyFaultSpec(const std::string& spec, vdrive::FaultInjector& faults, double nowMs);

}  // namespace kiln::interop
