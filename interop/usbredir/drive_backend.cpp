#include "interop/usbredir/drive_backend.h"

#include <cstdio>
#include <fstream>

#include "core/imapi/error.h"
#include "interop/usbredir/cdb_log.h"
#include "interop/usbredir/fault_spec.h"
#include "interop/usbredir/steady_clock.h"
#include "interop/usbredir/stub_target.h"
#include "interop/usbredir/target_bot_function.h"
#include "interop/usbredir/vdrive_bot_function.h"
#include "vdrive/bot_device.h"
#include "vdrive/export.h"
#include "vdrive/mmc_device.h"
#include "vdrive/native/dir_store.h"
#include "vdrive/native/export_files.h"

namespace kiln::interop {
namespace {

/// Any ScsiTarget behind TargetBotFunction (no vdrive BotDevice), optionally logged: the --stub path.
class TargetBackend final : public DriveBackend {
 public:
  TargetBackend(std::unique_ptr<vdrive::ScsiTarget> target, const std::string& cdbLog) : target_(std::move(target)) {
    vdrive::ScsiTarget* served = target_.get();
    if (!cdbLog.empty()) {
      log_ = std::make_unique<CdbLog>(*target_, cdbLog);
      served = log_.get();
    }
    function_ = std::make_unique<TargetBotFunction>(*served);
  }
  BotFunction& function() override { return *function_; }

 private:
  std::unique_ptr<vdrive::ScsiTarget> target_;
  std::unique_ptr<CdbLog> log_;
  std::unique_ptr<TargetBotFunction> function_;
};

vdrive::MediaKind mediaKind(const std::string& type) {
  if (type == "cdr74") return vdrive::MediaKind::CdR74;
  if (type == "cdr80" || type == "none") return vdrive::MediaKind::CdR80;
  if (type == "cdrw80") return vdrive::MediaKind::CdRw80;
  throw Error(HResult::E_INVALIDARG, "unknown --media-type " + type + " (cdr74, cdr80, cdrw80, none)");
}

vdrive::DriveOptions driveOptions(const Options& o) {
  vdrive::DriveOptions d;
  d.writeSpeedX = o.writeSpeedX;
  return d;
}

/// The virtual drive: MMC model + its BOT device + faults on a real-time clock, the disc in a DirStore under
/// --media (kept between runs: a directory with a disc is reopened). Assembled here rather than through
/// vdrive::VirtualDrive so the CDB log can sit between the BOT device and the MMC model.
class VdriveBackend final : public DriveBackend {
 public:
  explicit VdriveBackend(const Options& o)
      : store_(o.mediaDir),
        mmc_(store_, mediaKind(o.mediaType), clock_, faults_, driveOptions(o)),
        exportDir_(o.exportDir),
        controlDir_(o.controlDir) {
    if (o.mediaType == "none") mmc_.openTray();
    for (const std::string& spec : o.faults) applyFaultSpec(spec, faults_, clock_.nowMs());
    vdrive::ScsiTarget* served = &mmc_;
    if (!o.cdbLog.empty()) {
      log_ = std::make_unique<CdbLog>(mmc_, o.cdbLog);
      served = log_.get();
    }
    bot_ = std::make_unique<vdrive::BotDevice>(
        *served, [this](std::span<const std::uint8_t> cdb) { return mmc_.expectedDataOut(cdb); }, faults_);
    function_ = std::make_unique<VdriveBotFunction>(*bot_);
  }
  BotFunction& function() override { return *function_; }

  /// Arms the specs in <control-dir>/fault (one per line), then renames the file to fault.armed.
  void poll() override {
    if (controlDir_.empty()) return;
    const std::string request = controlDir_ + "/fault";
    std::ifstream in(request);
    if (!in) return;
    std::string spec;
    while (std::getline(in, spec)) {
      if (spec.empty()) continue;
      std::string what = "armed fault " + spec;
      try {
        applyFaultSpec(spec, faults_, clock_.nowMs());
      } catch (const Error& e) {
        what = "rejected fault " + spec;  // the guest sees fault.armed without the effect; the log says why
      }
      std::fprintf(stderr, "kiln-usbredir: %s\n", what.c_str());
      if (log_) log_->note(what);
    }
    in.close();
    std::rename(request.c_str(), (request + ".armed").c_str());
  }

  /// Exports the disc as disc.cue + disc.bin and disc.toc + disc.wav into --export (nothing for a blank disc).
  void finish() override {
    const vdrive::MediumState& state = mmc_.medium().state();
    if (exportDir_.empty() || vdrive::binSectorCount(state) == 0) return;
    vdrive::exportCueBin(store_, state, exportDir_, "disc");
    vdrive::exportCdrdaoToc(store_, state, exportDir_, "disc");
  }

 private:
  SteadyClock clock_;
  vdrive::FaultInjector faults_;
  vdrive::DirStore store_;
  vdrive::MmcDevice mmc_;
  std::unique_ptr<CdbLog> log_;
  std::unique_ptr<vdrive::BotDevice> bot_;
  std::unique_ptr<VdriveBotFunction> function_;
  std::string exportDir_;
  std::string controlDir_;
};

}  // namespace

std::unique_ptr<DriveBackend> openBackend(const Options& options) {
  if (options.stub) return std::make_unique<TargetBackend>(std::make_unique<StubTarget>(), options.cdbLog);
  return std::make_unique<VdriveBackend>(options);
}

}  // namespace kiln::interop
