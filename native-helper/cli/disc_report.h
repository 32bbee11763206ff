#pragma once
// What `kiln info` shows (and `kiln burn` after a cancel): drive identity, media, disc status, sessions, tracks
// with start LBA/MSF and length, free/used/total sectors. Gathered from the drive with IDiscRecorder2-style
// queries: INQUIRY, READ DISC INFORMATION, READ TRACK INFORMATION, READ TOC (MMC-6 §6.22, §6.27, §6.26).
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/mmc/recorder.h"

namespace kiln::cli {

struct ReportTrack {
  int number = 0;
  int session = 0;
  std::int32_t startLba = 0;     ///< INDEX 01 LBA
  std::int32_t lengthSectors = 0;
  std::uint8_t control = 0;      ///< Q CONTROL (track mode)
  bool damaged = false;
};

struct ReportSession {
  int number = 0;
  int firstTrack = 0, lastTrack = 0;
};

struct DiscReport {
  std::string drive;                         ///< the --drive text
  std::string vendor, product, revision;     ///< INQUIRY
  std::string mediaType;                     ///< IMAPI_MEDIA_PHYSICAL_TYPE name, e.g. IMAPI_MEDIA_TYPE_CDR
  std::string discStatus;                    ///< blank | appendable | complete | incomplete | other
  /// A write that stopped part-way left the last session incomplete with no next writable address (a cancelled
  /// disc-at-once write): IMAPI's "indeterminate state" — the disc is neither blank nor usable until blanked.
  bool indeterminate = false;
  bool erasable = false;
  std::vector<ReportSession> sessions;       ///< sessions holding tracks
  std::vector<ReportTrack> tracks;
  std::int32_t leadOutLba = -1;              ///< from READ TOC (−1 when the disc has no TOC yet)
  std::int32_t freeSectors = 0, usedSectors = 0, totalSectors = 0;  ///< IMAPI Free/Used/TotalSectorsOnMedia
  std::int32_t capacitySectors = 0;          ///< ATIP last possible lead-out start
};

/// Queries the drive. Throws the drive's kiln::Error (e.g. E_IMAPI_RECORDER_MEDIA_NO_MEDIA).
DiscReport collectDiscReport(mmc::Recorder& recorder, const std::string& driveText);
/// The IMAPI_MEDIA_PHYSICAL_TYPE name of a type.
std::string mediaTypeName(mmc::MediaPhysicalType type);

nlohmann::json discReportJson(const DiscReport& report);
void printDiscReport(std::FILE* out, const DiscReport& report);

}  // namespace kiln::cli
