#include "interop/usbredir/cdb_log.h"

#include "core/imapi/error.h"
#include "core/scsi/cdb.h"

namespace kiln::interop {

std::string hexBytes(std::span<const std::uint8_t> bytes, std::size_t limit) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string s;
  const std::size_t n = std::min(bytes.size(), limit);
  s.reserve(n * 3 + 4);
  for (std::size_t i = 0; i < n; ++i) {
    if (i) s += ' ';
    s += kDigits[bytes[i] >> 4];
    s += kDigits[bytes[i] & 15];
  }
  if (bytes.size() > limit) s += " …";
  return s;
}

CdbLog::CdbLog(vdrive::ScsiTarget& inner, const std::string& path) : inner_(inner), file_(std::fopen(path.c_str(), "w")) {
  if (!file_) throw Error(HResult::E_FAIL, "cannot open CDB log " + path);
}

CdbLog::~CdbLog() {
  if (file_) std::fclose(file_);
}

void CdbLog::dataPhaseAborted(std::span<const std::uint8_t> cdb) {
  inner_.dataPhaseAborted(cdb);
  note("data phase aborted (STALL) for " + hexBytes(cdb, 16));
}

void CdbLog::note(const std::string& text) {
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(file_, "{\"seq\":%llu,\"t_ms\":%.1f,\"note\":\"%s\"}\n", static_cast<unsigned long long>(++seq_), ms,
               text.c_str());
  std::fflush(file_);
}

vdrive::TargetResponse CdbLog::execute(std::span<const std::uint8_t> cdb, std::span<const std::uint8_t> dataOut,
                                       std::uint32_t expectedInLength) {
  vdrive::TargetResponse r = inner_.execute(cdb, dataOut, expectedInLength);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count();
  const bool good = r.status == scsi::Status::Good;
  char sense[16] = "";
  if (!good) std::snprintf(sense, sizeof sense, "%x/%02x/%02x", r.senseKey, r.asc, r.ascq);
  const std::string op = cdb.empty() ? std::string{} : std::string(scsi::opcodeName(cdb[0]));
  std::fprintf(file_,
               "{\"seq\":%llu,\"t_ms\":%.1f,\"cdb\":\"%s\",\"op\":\"%s\",\"out_len\":%zu,\"in_max\":%lld,\"in_len\":%zu,"
               "\"status\":\"%s\",\"sense\":\"%s\",\"in_hex\":\"%s\",\"out_hex\":\"%s\"}\n",
               static_cast<unsigned long long>(++seq_), ms, hexBytes(cdb, 16).c_str(), op.c_str(), dataOut.size(),
               expectedInLength == 0xFFFFFFFFu ? -1LL : static_cast<long long>(expectedInLength), r.dataIn.size(),
               good ? "GOOD" : r.status == scsi::Status::CheckCondition ? "CHECK" : "BUSY", sense,
               hexBytes(r.dataIn, kHexBytes).c_str(), hexBytes(dataOut, kHexBytes).c_str());
  std::fflush(file_);
  return r;
}

}  // namespace kiln::interop
