#pragma once
// Everything an MMC command handler may read or change: the disc, its store, the mode pages, the buffer, the tray
// and the pending sense. One instance per virtual drive; handlers are free functions over it (vdrive/mmc/handlers.h).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/util/clock.h"
#include "vdrive/drive_options.h"
#include "vdrive/faults.h"
#include "vdrive/medium.h"
#include "vdrive/medium_store.h"
#include "core/cd/subcode.h"
#include "vdrive/mmc/dao_decoder.h"
#include "vdrive/mmc/drive_buffer.h"
#include "vdrive/mmc/mode_pages.h"
#include "vdrive/scsi_target.h"

namespace kiln::vdrive::mmc {

/// One CDB as a handler sees it.
struct Request {
  std::span<const std::uint8_t> cdb;
  std::span<const std::uint8_t> dataOut;  ///< data-OUT bytes (WRITE, MODE SELECT, SEND CUE SHEET, …)
  std::uint32_t expectedIn = 0xFFFFFFFF;  ///< host buffer (bytes): bulk replies (READ CD) need not be built past it
  std::uint8_t at(std::size_t i) const { return i < cdb.size() ? cdb[i] : 0; }
};

/// GET EVENT STATUS NOTIFICATION media event codes (MMC-6 Table 158).
enum class MediaEvent : std::uint8_t { None = 0, EjectRequest = 1, NewMedia = 2, MediaRemoval = 3 };

/// A parsed SEND CUE SHEET entry (MMC-6 §6.33; MMC-NOTES D.3), MSF already converted to LBA.
struct CueEntry {
  std::uint8_t ctlAdr = 0, tno = 0, index = 0, dataForm = 0;
  std::int32_t lba = 0;
};

/// What both disc-at-once modes carry through one write: the sub-channel decoder, the R–W interleaver for data
/// block type 2 (the drive interleaves packed R–W before recording) and scratch buffers reused by every WRITE.
struct DaoStream {
  DaoDecoder decoder;
  cd::RwInterleaver interleaver;
  bool subchannel = false;  ///< R–W was sent for the program area (2448-byte blocks at LBA ≥ −150)
  std::vector<std::uint8_t> main, sub;
};

/// RAW (write type 3) state from the first WRITE at the ATIP lead-in start to the SYNCHRONIZE CACHE that ends it.
struct RawState {
  bool active = false;
  std::int32_t nextLba = 0;        ///< where the next WRITE must start
  std::uint8_t blockType = 3;      ///< page 05h data block type of the first WRITE (1, 2 or 3)
  DaoStream stream;
};

/// Session-at-once state between SEND CUE SHEET and the SYNCHRONIZE CACHE that ends the write.
struct SaoState {
  std::vector<CueEntry> cue;
  std::string mcn;                               ///< from the two ADR-2 cue entries
  std::vector<std::pair<std::uint8_t, std::string>> isrc;  ///< (TNO, ISRC) from ADR-3 entry pairs
  bool cdTextInLeadIn = false;                   ///< lead-in entry DATA FORM has 40h: R–W (CD-TEXT) in the lead-in
  bool started = false;                          ///< a WRITE was accepted
  DaoStream stream;
  bool active = false;          ///< a cue sheet was accepted and writing has not finished
  std::int32_t nextLba = 0;     ///< where the next WRITE must start
  std::int32_t writeStart = 0;  ///< first LBA the cue sheet asks for (−150 normally)
  std::int32_t leadOut = 0;     ///< lead-out start from the cue sheet (AAh entry)
};

struct DriveContext {
  DriveContext(MediumStore& s, Clock& c, FaultInjector& f, DriveOptions o, Medium m)
      : store(s), clock(c), faults(f), options(std::move(o)), medium(std::move(m)),
        buffer(c, options.bufferBytes, options.writeSpeedX) {}

  MediumStore& store;
  Clock& clock;
  FaultInjector& faults;
  DriveOptions options;

  Medium medium;                      ///< the real disc
  std::optional<Medium> simulation;   ///< shadow disc while Test Write is on (nothing is stored)
  ModePages pages;
  DriveBuffer buffer;
  SaoState sao;
  RawState raw;

  bool trayOpen = false;
  bool discInserted = true;           ///< false: an empty drive (tray closed or open, no disc)
  bool preventRemoval = false;
  bool unitAttention = false;         ///< 6/28/00 pending (medium changed)
  MediaEvent mediaEvent = MediaEvent::None;
  std::uint16_t readSpeedKbs = 0;     ///< set in the constructor of MmcDevice
  std::uint16_t writeSpeedKbs = 0;

  std::optional<TargetResponse> pendingSense;  ///< sense of the last CHECK CONDITION, for REQUEST SENSE

  bool mediumPresent() const { return !trayOpen && discInserted; }
  /// The disc the next write goes to and the status commands describe (the shadow during Test Write).
  Medium& active() { return simulation ? *simulation : medium; }
  /// Saves the real disc's state to the store (never the Test Write shadow).
  void persist() { store.saveState(medium.state()); }
  std::int32_t pause() const { return pages.audioPauseLength(); }
};

}  // namespace kiln::vdrive::mmc
