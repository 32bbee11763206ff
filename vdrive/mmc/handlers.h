#pragma once
// One handler per MMC opcode (the dispatch table is in vdrive/mmc_device.cpp). Each takes the drive context and
// the request and returns the complete answer; medium presence, not-ready faults and unit attention are checked
// by the dispatcher before the handler runs (per the table's flags).
#include "vdrive/mmc/context.h"

namespace kiln::vdrive::mmc {

using Handler = TargetResponse (*)(DriveContext&, const Request&);

// handlers_ident.cpp — identification, readiness, tray (SPC-4 §6, MMC-6 §6)
TargetResponse testUnitReady(DriveContext&, const Request&);        // 00h
TargetResponse rezeroUnit(DriveContext&, const Request&);           // 01h
TargetResponse requestSense(DriveContext&, const Request&);         // 03h
TargetResponse inquiry(DriveContext&, const Request&);              // 12h
TargetResponse startStopUnit(DriveContext&, const Request&);        // 1Bh
TargetResponse preventAllow(DriveContext&, const Request&);         // 1Eh
TargetResponse getEventStatus(DriveContext&, const Request&);       // 4Ah
// handlers_config.cpp — GET CONFIGURATION (MMC-6 §5, §6.6)
TargetResponse getConfiguration(DriveContext&, const Request&);     // 46h
// handlers_mode.cpp — MODE SENSE(10) / MODE SELECT(10) (SPC-4 §6.11/§6.9, MMC-6 §7)
TargetResponse modeSense10(DriveContext&, const Request&);          // 5Ah
TargetResponse modeSelect10(DriveContext&, const Request&);         // 55h
// handlers_info.cpp — disc, track, TOC, capacity (MMC-6 §6.22, §6.26, §6.29, §6.25)
TargetResponse readCapacity(DriveContext&, const Request&);         // 25h
TargetResponse readTocPmaAtip(DriveContext&, const Request&);       // 43h
TargetResponse readDiscInformation(DriveContext&, const Request&);  // 51h
TargetResponse readTrackInformation(DriveContext&, const Request&); // 52h
// handlers_read.cpp — READ(10), READ CD (MMC-6 §6.15, §6.19)
TargetResponse read10(DriveContext&, const Request&);               // 28h
TargetResponse readCd(DriveContext&, const Request&);               // BEh
// handlers_write.cpp — writing and closing (MMC-6 §6.44, §6.3, §6.36, §6.35, §6.2)
TargetResponse write10(DriveContext&, const Request&);              // 2Ah
TargetResponse write12(DriveContext&, const Request&);              // AAh
TargetResponse synchronizeCache(DriveContext&, const Request&);     // 35h
TargetResponse closeTrackSession(DriveContext&, const Request&);    // 5Bh
TargetResponse sendOpcInformation(DriveContext&, const Request&);   // 54h
TargetResponse blank(DriveContext&, const Request&);                // A1h
// handlers_sao.cpp — SEND CUE SHEET (MMC-6 §6.33) and session-at-once WRITE
TargetResponse sendCueSheet(DriveContext&, const Request&);         // 5Dh
TargetResponse writeSao(DriveContext&, std::int32_t lba, std::uint32_t count, const Request&);
/// Ends a session-at-once write (SYNCHRONIZE CACHE): turns the cue sheet into tracks and closes the session.
void finishSao(DriveContext&);
// handlers_dao.cpp — RAW recording (write type 3) and the sector handling shared with SAO (MMC-6 §4.5.4)
TargetResponse writeRaw(DriveContext&, std::int32_t lba, std::uint32_t count, const Request&);
/// Ends a RAW write (SYNCHRONIZE CACHE, or a write error/removal): builds the TOC from the decoded Q and records
/// the session — complete when the lead-out was reached, else the disc is left incomplete.
void finishRaw(DriveContext&);
/// Decodes (`decodeQ`: Q for the TOC; always: lead-in R–W for CD-TEXT) and stores sectors [lba, lba+count) of a
/// disc-at-once WRITE whose data is `count` blocks of `blockBytes` (2352, 2368 or 2448; `blockType` 0–3). Main
/// channel and, for 2448-byte blocks, raw P–W go to the store for LBAs in [−150, storeEnd) unless Test Write runs;
/// lead-in main data (zeros by definition) is not kept.
void recordDaoSectors(DriveContext&, DaoStream&, std::int32_t lba, std::uint32_t count, std::span<const std::uint8_t> data,
                      std::uint8_t blockType, bool decodeQ, std::int32_t storeEnd);
// handlers_subchannel.cpp — READ SUB-CHANNEL (MMC-6 §6.28), READ HEADER (§6.20)
TargetResponse readSubchannel(DriveContext&, const Request&);       // 42h
TargetResponse readHeader(DriveContext&, const Request&);           // 44h
// handlers_speed.cpp — buffer and speed (MMC-6 §6.27, §6.7, §6.37)
TargetResponse readBufferCapacity(DriveContext&, const Request&);   // 5Ch
TargetResponse getPerformance(DriveContext&, const Request&);       // ACh
TargetResponse setCdSpeed(DriveContext&, const Request&);           // BBh

/// Builds page 2Ah for MODE SENSE (depends on lock state and speeds). handlers_mode.cpp.
std::vector<std::uint8_t> capabilitiesPage(const DriveContext&, PageControl pc);
/// Fixed-format sense data (SPC-4 §4.5.3), 18 bytes. handlers_ident.cpp.
std::vector<std::uint8_t> fixedSense(const TargetResponse& sense);

}  // namespace kiln::vdrive::mmc
