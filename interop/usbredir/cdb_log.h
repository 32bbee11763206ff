#pragma once
// A ScsiTarget decorator that writes every CDB with its answer as one JSON line (the interop lab's CDB log):
// {"seq":1,"t_ms":812.4,"cdb":"12 00 00 00 24 00","op":"INQUIRY","out_len":0,"in_max":36,"in_len":36,
//  "status":"GOOD","sense":"","in_hex":"05 80 05 32 …","out_hex":""}
// `in_max` is the data-in limit the BOT layer passed (−1: none; the CBW length is applied after the target).
// `sense` is "K/ASC/ASCQ" in hex on CHECK CONDITION (SPC-4 §4.5). Hex dumps stop after kHexBytes bytes.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

#include "vdrive/scsi_target.h"

namespace kiln::interop {

class CdbLog final : public vdrive::ScsiTarget {
 public:
  static constexpr std::size_t kHexBytes = 96;  ///< bytes of data-in/data-out shown per CDB

  /// Logs to `path` (truncated). Throws kiln::Error(E_FAIL) when it cannot be opened.
  CdbLog(vdrive::ScsiTarget& inner, const std::string& path);
  ~CdbLog() override;
  CdbLog(const CdbLog&) = delete;
  CdbLog& operator=(const CdbLog&) = delete;

  /// Writes {"seq":N,"t_ms":T,"note":"text"} (e.g. a fault armed at run time). `text` must not need escaping.
  void note(const std::string& text);

  vdrive::TargetResponse execute(std::span<const std::uint8_t> cdb, std::span<const std::uint8_t> dataOut,
                                 std::uint32_t expectedInLength) override;
  /// Forwards to the wrapped target (it keeps the 0B/4B/00 sense) and notes it in the log.
  void dataPhaseAborted(std::span<const std::uint8_t> cdb) override;

 private:
  vdrive::ScsiTarget& inner_;
  std::FILE* file_ = nullptr;
  std::uint64_t seq_ = 0;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

/// Space-separated lowercase hex of at most `limit` bytes ("12 00 00 00 24 00"); "…" marks a cut.
std::string hexBytes(std::span<const std::uint8_t> bytes, std::size_t limit);

}  // namespace kiln::interop
