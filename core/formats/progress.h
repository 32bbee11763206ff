#pragma once
// Progress of a Track-At-Once write, as IMAPI2 reports it to DDiscFormat2TrackAtOnceEvents::Update:
// IDiscFormat2TrackAtOnceEventArgs (CurrentTrackNumber, CurrentAction, ElapsedTime, RemainingTime) on top of
// IWriteEngine2EventArgs (StartLba, SectorCount, LastReadLba, LastWrittenLba, Total/Used/FreeSystemBuffer,
// Total/UsedDeviceBuffer). MMC-NOTES A.3, A.6, A.12.
#include <cstdint>

#include "core/formats/write_engine_progress.h"

namespace kiln::formats {

/// IMAPI_FORMAT2_TAO_WRITE_ACTION (values are IMAPI's).
enum class TaoWriteAction : std::int32_t { Unknown = 0, Preparing = 1, Writing = 2, Finishing = 3, Verifying = 4 };

/// One progress event (IDiscFormat2TrackAtOnceEventArgs). LBAs are absolute disc addresses; values come from the
/// drive's state (READ TRACK INFORMATION of the invisible track, READ BUFFER CAPACITY), not from the bytes handed to
/// the transport. The inherited fields describe the track being written: StartLba is its NWA, SectorCount includes
/// zero padding, and LastWrittenLba is the track's last recorded address (LRA, else NWA − 1) minus the sectors still
/// in the drive buffer — it never decreases within a track and is startLba − 1 before the first WRITE.
struct TaoProgress : WriteEngineProgress {
  TaoWriteAction currentAction = TaoWriteAction::Unknown;  ///< CurrentAction
  std::int32_t currentTrackNumber = 0;   ///< CurrentTrackNumber: 1..99, the track being written
  std::int32_t elapsedSeconds = 0;       ///< ElapsedTime, Clock seconds since addAudioTrack began
  std::int32_t remainingSeconds = 0;     ///< RemainingTime (estimate from the observed rate; 0 when unknown/done)
};

}  // namespace kiln::formats
