#pragma once
// Progress of a WriteEngine section and of a RawCdWriter burn, as IMAPI2 reports them:
// IWriteEngine2EventArgs (DWriteEngine2Events::Update) and IDiscFormat2RawCDEventArgs (DDiscFormat2RawCDEvents::Update)
// = the engine's arguments + CurrentAction, ElapsedTime, RemainingTime. MMC-NOTES A.4, A.6, A.12.
#include <cstdint>

namespace kiln::formats {

/// IWriteEngine2EventArgs. LBAs are absolute disc addresses (negative in the lead-in).
struct WriteEngineProgress {
  std::int32_t startLba = 0;           ///< StartLba: first LBA of the section
  std::int32_t sectorCount = 0;        ///< SectorCount: sectors in the section
  std::int32_t lastReadLba = 0;        ///< LastReadLba: last LBA whose bytes were read from the stream
  std::int32_t lastWrittenLba = 0;     ///< LastWrittenLba: last LBA the drive has burnt = last LBA accepted by a
                                       ///< WRITE minus the sectors still in the drive buffer; never decreases;
                                       ///< startLba − 1 before the first WRITE
  std::int32_t totalSystemBuffer = 0;  ///< TotalSystemBuffer: host staging buffer, bytes
  std::int32_t usedSystemBuffer = 0;   ///< UsedSystemBuffer: bytes read from the stream, not yet sent
  std::int32_t freeSystemBuffer = 0;   ///< FreeSystemBuffer = total − used
  std::int32_t totalDeviceBuffer = 0;  ///< TotalDeviceBuffer (DISPID 0x104): drive buffer, bytes (0 = not polled yet)
  std::int32_t usedDeviceBuffer = 0;   ///< UsedDeviceBuffer (DISPID 0x105): drive buffer filled, bytes
};

/// IMAPI_FORMAT2_RAW_CD_WRITE_ACTION (values are IMAPI's).
enum class RawCdWriteAction : std::int32_t { Unknown = 0, Preparing = 1, Writing = 2, Finishing = 3 };

/// IDiscFormat2RawCDEventArgs.
struct RawCdProgress : WriteEngineProgress {
  RawCdWriteAction currentAction = RawCdWriteAction::Unknown;  ///< CurrentAction
  std::int32_t elapsedSeconds = 0;    ///< ElapsedTime: Clock seconds since writeMedia began
  std::int32_t remainingSeconds = 0;  ///< RemainingTime: estimate from the observed rate (0 when unknown/done)
};

}  // namespace kiln::formats
