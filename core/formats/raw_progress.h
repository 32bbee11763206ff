#pragma once
// Progress of a WriteEngine section and of a RawCdWriter burn, as IMAPI2 reports them:
// IWriteEngine2EventArgs (DWriteEngine2Events::Update) and IDiscFormat2RawCDEventArgs (DDiscFormat2RawCDEvents::Update)
// = the engine's arguments + CurrentAction, ElapsedTime, RemainingTime. MMC-NOTES A.4, A.6, A.12.
#include <cstdint>

#include "core/formats/write_engine_progress.h"

namespace kiln::formats {

/// IMAPI_FORMAT2_RAW_CD_WRITE_ACTION (values are IMAPI's).
enum class RawCdWriteAction : std::int32_t { Unknown = 0, Preparing = 1, Writing = 2, Finishing = 3 };

/// IDiscFormat2RawCDEventArgs.
struct RawCdProgress : WriteEngineProgress {
  RawCdWriteAction currentAction = RawCdWriteAction::Unknown;  ///< CurrentAction
  std::int32_t elapsedSeconds = 0;    ///< ElapsedTime: Clock seconds since writeMedia began
  std::int32_t remainingSeconds = 0;  ///< RemainingTime: estimate from the observed rate (0 when unknown/done)
};

}  // namespace kiln::formats
