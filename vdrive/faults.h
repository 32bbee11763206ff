#pragma once
// Fault injection for the virtual drive: conditions a real drive or USB link produces, on request, so host code
// can be tested against them. The MMC model consumes the SCSI faults, the BOT device the transport faults.
// All faults are one-shot or counted; nothing depends on wall time except through the injected kiln::Clock.
#include <cstdint>
#include <optional>

namespace kiln::vdrive {

class FaultInjector {
 public:
  // ---- SCSI-level (MmcDevice) ----
  /// Answer 2/04/01 (LOGICAL UNIT IS IN PROCESS OF BECOMING READY) until `ms` of clock time passed from `nowMs`.
  void notReadyUntil(double nowMs, double ms) { notReadyUntilMs_ = nowMs + ms; }
  /// Answer 2/04/01 to the next `commands` media-access commands, then be ready.
  void notReadyForCommands(int commands) { notReadyCommands_ = commands; }
  /// After `writes` more WRITE commands complete, the medium is removed (tray opens): later commands get 2/3A/00.
  void removeMediumAfterWrites(int writes) { removeAfterWrites_ = writes; }
  /// The next WRITE covering `lba` fails with 3/0C/00 (WRITE ERROR); sectors before it are kept. One-shot.
  void writeErrorAt(std::int32_t lba) { writeErrorLba_ = lba; }
  /// The next command that reports unit attentions gets 6/28/00 (NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED).
  void unitAttentionOnce() { unitAttention_ = true; }

  // ---- Transport-level (BotDevice); N counts commands from when the fault is armed, 1 = the next one ----
  /// Stall the data phase of the `nth` next command whose opcode is `opcode` (CSW status 1, residue = all).
  void stallDataPhase(std::uint8_t opcode, int nth = 1) { stallOpcode_ = opcode; stallNth_ = nth; }
  /// Answer the `nth` next command with a CSW phase error (status 2) without executing it.
  void phaseErrorOn(int nth = 1) { phaseErrorNth_ = nth; }
  /// Never answer the `nth` next command (host sees timeouts until a Bulk-Only Mass Storage Reset).
  void dropCommand(int nth = 1) { dropNth_ = nth; }

  /// Removes every armed fault.
  void clear() { *this = FaultInjector{}; }

  // ---- consumed by the drive; each returns true when the fault fires now ----
  bool consumeNotReady(double nowMs) {
    if (nowMs < notReadyUntilMs_) return true;
    if (notReadyCommands_ > 0) { --notReadyCommands_; return true; }
    return false;
  }
  bool consumeUnitAttention() { const bool f = unitAttention_; unitAttention_ = false; return f; }
  /// Called after a WRITE completed; true when the medium must now disappear.
  bool consumeWriteForRemoval() {
    if (removeAfterWrites_ <= 0) return false;
    return --removeAfterWrites_ == 0;
  }
  /// If a write error is armed inside [lba, lba+count), disarms it and returns its LBA.
  std::optional<std::int32_t> consumeWriteError(std::int32_t lba, std::int32_t count) {
    if (!writeErrorLba_ || *writeErrorLba_ < lba || *writeErrorLba_ >= lba + count) return std::nullopt;
    const auto at = writeErrorLba_;
    writeErrorLba_.reset();
    return at;
  }
  bool consumeStall(std::uint8_t opcode) { return opcode == stallOpcode_ && countDown(stallNth_); }
  bool consumePhaseError() { return countDown(phaseErrorNth_); }
  bool consumeDrop() { return countDown(dropNth_); }

 private:
  static bool countDown(int& n) {
    if (n <= 0) return false;
    return --n == 0;
  }
  double notReadyUntilMs_ = -1;
  int notReadyCommands_ = 0;
  int removeAfterWrites_ = 0;
  std::optional<std::int32_t> writeErrorLba_;
  bool unitAttention_ = false;
  int stallOpcode_ = -1;
  int stallNth_ = 0;
  int phaseErrorNth_ = 0;
  int dropNth_ = 0;
};

}  // namespace kiln::vdrive
