#pragma once
// IWriteEngine2EventArgs: the progress fields every IMAPI2 write reports (WriteEngine sections, and the base of the
// Track-At-Once and RawCD event args). MMC-NOTES A.6, A.12.
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

}  // namespace kiln::formats
