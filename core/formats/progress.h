#pragma once
// Progress of a Track-At-Once write, as IMAPI2 reports it to DDiscFormat2TrackAtOnceEvents::Update:
// IDiscFormat2TrackAtOnceEventArgs (CurrentTrackNumber, CurrentAction, ElapsedTime, RemainingTime) on top of
// IWriteEngine2EventArgs (StartLba, SectorCount, LastReadLba, LastWrittenLba, Total/Used/FreeSystemBuffer,
// Total/UsedDeviceBuffer). MMC-NOTES A.3, A.6, A.12.
#include <cstdint>

namespace kiln::formats {

/// IMAPI_FORMAT2_TAO_WRITE_ACTION (values are IMAPI's).
enum class TaoWriteAction : std::int32_t { Unknown = 0, Preparing = 1, Writing = 2, Finishing = 3, Verifying = 4 };

/// One progress event. LBAs are absolute disc addresses; values come from the drive's state (READ TRACK
/// INFORMATION of the invisible track, READ BUFFER CAPACITY), not from the bytes handed to the transport.
struct TaoProgress {
  TaoWriteAction currentAction = TaoWriteAction::Unknown;  ///< CurrentAction
  std::int32_t currentTrackNumber = 0;   ///< CurrentTrackNumber: 1..99, the track being written
  std::int32_t startLba = 0;             ///< StartLba: first LBA of the track's data (its NWA)
  std::int32_t sectorCount = 0;          ///< SectorCount: sectors of the track incl. zero padding
  std::int32_t lastReadLba = 0;          ///< LastReadLba: last LBA whose audio was read from the stream
  std::int32_t lastWrittenLba = 0;       ///< LastWrittenLba: last LBA burnt = the track's last recorded address
                                         ///< (LRA, else NWA − 1) minus the sectors still in the drive buffer;
                                         ///< never decreases within a track; startLba − 1 before the first
  std::int32_t elapsedSeconds = 0;       ///< ElapsedTime, Clock seconds since addAudioTrack began
  std::int32_t remainingSeconds = 0;     ///< RemainingTime (estimate from the observed rate; 0 when unknown/done)
  std::int32_t totalSystemBuffer = 0;    ///< TotalSystemBuffer: host staging buffer, bytes
  std::int32_t usedSystemBuffer = 0;     ///< UsedSystemBuffer: bytes read from the stream, not yet sent
  std::int32_t freeSystemBuffer = 0;     ///< FreeSystemBuffer = total − used
  std::int32_t totalDeviceBuffer = 0;    ///< TotalDeviceBuffer (DISPID 0x104): drive buffer, bytes
  std::int32_t usedDeviceBuffer = 0;     ///< UsedDeviceBuffer (DISPID 0x105): drive buffer filled, bytes
};

}  // namespace kiln::formats
