#include "core/scsi/sense_map.h"

#include <cstdio>
#include <string>

#include "core/scsi/cdb.h"
#include "core/scsi/sense.h"

namespace kiln::scsi {
namespace {

constexpr std::int16_t kAny = kAnySense;

// Ordered most specific first; the first match wins. Choices beyond the obvious ones, and why:
// * UNIT ATTENTION (6/28, 6/29 and any other 6/xx): the drive did not execute the command and will on a retry, which
//   is exactly what IMAPI's BECOMING_READY ("try the request again later") tells a caller.
// * ILLEGAL REQUEST 5/21/xx (LBA out of range, INVALID ADDRESS FOR WRITE), 5/64/xx (illegal mode for this track) and
//   5/2C/00 (command sequence error) arise on the write path: the drive refused what we asked it to record, which
//   IMAPI reports as E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE ("the write failed because the drive returned error
//   information that could not be recovered from").
// * 5/20/00 (invalid opcode), 5/24/00 (invalid field in CDB) and any other 5/xx: the drive rejected a command the
//   recorder layer expected to work — E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE. Commands for which those senses
//   have a meaning of their own (MODE SENSE → NO_SUCH_MODE_PAGE, GET CONFIGURATION → NO_SUCH_FEATURE /
//   GET_CONFIGURATION_NOT_SUPPORTED, READ TOC on a blank disc) are decided by the caller before this table.
// * MEDIUM ERROR / HARDWARE ERROR (3/xx, 4/xx) except loss of streaming, ABORTED COMMAND, BLANK CHECK and anything
//   unknown: E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE (the default, after the table).
constexpr SenseMapRow kTable[] = {
    // NOT READY
    {kNotReady, 0x3A, kAny, HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA},
    {kNotReady, 0x04, 0x01, HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY},
    {kNotReady, 0x04, 0x04, HResult::E_IMAPI_RECORDER_MEDIA_FORMAT_IN_PROGRESS},
    {kNotReady, 0x04, 0x07, HResult::E_IMAPI_RECORDER_MEDIA_BUSY},
    {kNotReady, 0x04, 0x08, HResult::E_IMAPI_RECORDER_MEDIA_BUSY},
    {kNotReady, 0x04, kAny, HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY},
    {kNotReady, 0x3E, kAny, HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY},
    {kNotReady, 0x30, kAny, HResult::E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE},
    // MEDIUM ERROR / HARDWARE ERROR
    {kMediumError, 0x0C, 0x09, HResult::E_IMAPI_LOSS_OF_STREAMING},
    {kHardwareError, 0x0C, 0x09, HResult::E_IMAPI_LOSS_OF_STREAMING},
    {kMediumError, 0x30, kAny, HResult::E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE},
    {kMediumError, kAny, kAny, HResult::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE},
    {kHardwareError, kAny, kAny, HResult::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE},
    // ILLEGAL REQUEST
    {kIllegalRequest, 0x0C, 0x09, HResult::E_IMAPI_LOSS_OF_STREAMING},
    {kIllegalRequest, 0x26, kAny, HResult::E_IMAPI_RECORDER_INVALID_MODE_PARAMETERS},
    {kIllegalRequest, 0x30, kAny, HResult::E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE},
    {kIllegalRequest, 0x3A, kAny, HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA},
    {kIllegalRequest, 0x21, kAny, HResult::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE},
    {kIllegalRequest, 0x64, kAny, HResult::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE},
    {kIllegalRequest, 0x2C, 0x00, HResult::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE},
    {kIllegalRequest, kAny, kAny, HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE},
    // UNIT ATTENTION
    {kUnitAttention, 0x28, 0x00, HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY},
    {kUnitAttention, 0x29, kAny, HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY},
    {kUnitAttention, 0x3A, kAny, HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA},
    {kUnitAttention, kAny, kAny, HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY},
    // DATA PROTECT
    {kDataProtect, 0x27, kAny, HResult::E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED},
    // Not errors: the command completed.
    {kNoSense, kAny, kAny, HResult::S_IMAPI_COMMAND_HAS_SENSE_DATA},
    {kRecoveredError, kAny, kAny, HResult::S_IMAPI_COMMAND_HAS_SENSE_DATA},
};

bool matches(const SenseMapRow& row, const SenseData& s) {
  return row.key == s.key && (row.asc == kAny || row.asc == s.asc) && (row.ascq == kAny || row.ascq == s.ascq);
}

}  // namespace

std::span<const SenseMapRow> senseMapTable() { return kTable; }

HResult senseToHResult(const SenseData& sense) {
  if (!sense.valid) return HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE;
  for (const auto& row : kTable)
    if (matches(row, sense)) return row.result;
  return HResult::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE;
}

Error senseError(const Cdb& cdb, const SenseData& sense) {
  HResult code = senseToHResult(sense);
  if (succeeded(code)) code = HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE;
  std::string name(opcodeName(cdb.opcode()));
  if (name == "UNKNOWN") {
    char buf[16];
    std::snprintf(buf, sizeof buf, "opcode %02Xh", unsigned{cdb.opcode()});
    name = buf;
  }
  std::string detail = name + " failed: ";
  detail += sense.valid ? "sense " + formatSense(sense) : "CHECK CONDITION without sense data";
  if (sense.valid && sense.informationValid)
    detail += " at LBA " + std::to_string(static_cast<std::int32_t>(sense.information));
  return Error(code, std::move(detail));
}

}  // namespace kiln::scsi
