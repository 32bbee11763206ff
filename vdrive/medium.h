#pragma once
// The disc model: ATIP per media kind, disc/session/track status and the Track-At-Once addressing rules
// (NWA, pauses, session gaps) of MMC-6 §4.5 (CD-R/RW recording) and MMC-NOTES D.1/D.6.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "vdrive/medium_state.h"

namespace kiln::vdrive {

/// Lead-in/lead-out sizes of a multi-session CD (sectors; Orange Book as summarised in libburn's cookbook).
inline constexpr std::int32_t kLeadInSectors = 4500;
inline constexpr std::int32_t kFirstLeadOutSectors = 6750;
inline constexpr std::int32_t kLaterLeadOutSectors = 2250;
/// NWA distance from a closed session's lead-out start to the next session's first track (lead-out + lead-in + 150).
inline constexpr std::int32_t kNextSessionGapFirst = 11400;
inline constexpr std::int32_t kNextSessionGapLater = 6900;

/// What the ATIP (READ TOC format 4, MMC-6 §6.26.3.6) says about a blank disc.
struct Atip {
  std::int32_t leadInStart;       ///< LBA of the start of lead-in (e.g. 97:26:66 → −11634)
  std::int32_t lastLeadOutStart;  ///< LBA of the last possible start of lead-out (= user capacity in sectors)
  bool erasable;                  ///< CD-RW (ATIP disc type bit)
};

/// ATIP for a media kind: CD-R74 97:27:00 / 73:59:74, CD-R80 97:26:66 / 79:59:74, CD-RW80 97:20:00 / 79:59:74.
Atip atipFor(MediaKind kind);

/// "cdr74", "cdr80", "cdrw80": the names used in state.json and on the kiln command line.
const char* mediaKindName(MediaKind kind);
/// Inverse of mediaKindName; nullopt for an unknown name.
std::optional<MediaKind> parseMediaKind(std::string_view name);

/// Disc status of READ DISC INFORMATION byte 2 bits 1–0 (MMC-6 Table 296).
enum class DiscStatus : std::uint8_t { Blank = 0, Appendable = 1, Complete = 2 };
/// State of last session, byte 2 bits 3–2: empty 0, incomplete 1, complete 3.
enum class LastSessionState : std::uint8_t { Empty = 0, Incomplete = 1, Complete = 3 };

/// The disc and its recording rules. Pure state: it never touches sectors (the MediumStore does).
class Medium {
 public:
  explicit Medium(MediumState state) : s_(std::move(state)) {}
  const MediumState& state() const { return s_; }
  MediaKind kind() const { return s_.kind; }
  Atip atip() const { return atipFor(s_.kind); }

  DiscStatus discStatus() const;
  LastSessionState lastSessionState() const;
  /// Sessions as READ DISC INFORMATION counts them: recorded ones plus the empty next one when appendable.
  int sessionCountForDiscInfo() const;
  /// Number of the invisible (next) track: last track + 1 (1 on a blank disc).
  int nextTrackNumber() const { return static_cast<int>(s_.tracks.size()) + 1; }
  /// The session the next track belongs to.
  int nextSessionNumber() const;
  const TrackRecord* openTrack() const;
  bool sessionOpen() const { return !s_.sessions.empty() && !s_.sessions.back().closed; }
  int closedSessionCount() const;

  /// Next writable address for Track-At-Once given the page-05h audio pause (sectors); nullopt when finalized
  /// or full. Open track: its end; after a closed track: end + pause; new session: 0 or lead-out + 11400/6900.
  std::optional<std::int32_t> nextWritableAddress(std::int32_t pauseSectors) const;
  /// Blocks from NWA to the last possible lead-out start (0 if none or negative).
  std::int32_t freeBlocks(std::int32_t pauseSectors) const;
  /// Lead-in start of the session the next track goes into (ATIP value for session 1).
  std::int32_t nextSessionLeadIn(std::int32_t pauseSectors) const;
  /// LBA just after the last recorded sector of any track (0 on a blank disc).
  std::int32_t recordedEnd() const;

  /// Starts a track at `lba` (must equal the NWA; the caller checks). Opens a session if needed and records the
  /// TAO link area when the previous track ended in the same session.
  TrackRecord& beginTrack(std::int32_t lba, std::int32_t pauseSectors, std::uint8_t control);
  /// Sets the disc's Media Catalog Number (13 digits; from page 05h when a track starts).
  void setMcn(std::string mcn) { s_.mcn = std::move(mcn); }
  /// Adds `sectors` to the open track.
  void extendOpenTrack(std::int32_t sectors);
  /// Fixes the open track's length (SYNCHRONIZE CACHE / CLOSE TRACK). No-op without an open track.
  void closeTrack(bool damaged = false);
  /// Closes the open track and the open session: `multiSession` = page 05h byte 3 bits 7–6 (00b finalises).
  /// Returns false when there was no open session (nothing to close).
  bool closeSession(std::uint8_t multiSession);
  /// Records a whole session written at once (SAO): `tracks` carry start/length/pregap/control; numbers and the
  /// session number are assigned here. The session is closed with `multiSession` as in closeSession.
  void recordSession(std::vector<TrackRecord> tracks, std::uint8_t multiSession, std::int32_t pauseSectors);
  /// Disc-at-once (RAW, or SAO from the lead-in): the first WRITE marks the disc incomplete and opens a session at
  /// `leadInStart`, so a write that never ends (cancel, crash, removal) leaves a damaged disc (MediumState::incomplete).
  void beginDiscAtOnce(std::int32_t leadInStart);
  /// What a finished or stopped disc-at-once write recorded.
  struct DiscAtOnceResult {
    std::vector<TrackRecord> tracks;  ///< start/length/pregap/control/isrc/indexStarts; numbers assigned here
    bool complete = false;            ///< the lead-out was reached: the session is closed per multiSession
    std::uint8_t multiSession = 0;    ///< page 05h byte 3 bits 7–6
    std::string mcn;
    std::vector<std::array<std::uint8_t, 18>> cdText;
    bool subchannel = false;
    std::vector<std::string> notes;
  };
  /// Ends what beginDiscAtOnce started: complete → tracks recorded and the session closed (recordSession);
  /// otherwise the session stays open, its tracks damaged, and the disc incomplete.
  void endDiscAtOnce(DiscAtOnceResult result, std::int32_t pauseSectors);
  /// BLANK: back to an empty disc of the same kind.
  void blank();

 private:
  MediumState s_;
};

}  // namespace kiln::vdrive
