#include "interop/usbredir/drive_backend.h"

#include "core/imapi/error.h"
#include "interop/usbredir/cdb_log.h"
#include "interop/usbredir/stub_target.h"
#include "interop/usbredir/target_bot_function.h"

namespace kiln::interop {
namespace {

/// Any ScsiTarget behind the interim BOT device, optionally logged.
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

}  // namespace

std::unique_ptr<DriveBackend> openBackend(const Options& options) {
  if (options.stub) return std::make_unique<TargetBackend>(std::make_unique<StubTarget>(), options.cdbLog);
  throw Error(HResult::E_NOTIMPL, "the virtual drive (vdrive/virtual_drive.h) is not linked yet; use --stub");
}

}  // namespace kiln::interop
