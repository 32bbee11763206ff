#include "native-helper/cli/disc_report.h"

#include <map>

#include "core/cd/msf.h"
#include "core/imapi/error.h"
#include "native-helper/ui/text_reporter.h"

namespace kiln::cli {
namespace {

std::string statusName(mmc::DiscInformation::Status s) {
  switch (s) {
    case mmc::DiscInformation::Status::Blank: return "blank";
    case mmc::DiscInformation::Status::Appendable: return "appendable";
    case mmc::DiscInformation::Status::Complete: return "complete";
    case mmc::DiscInformation::Status::Other: break;
  }
  return "other";
}

std::string msfText(std::int32_t lba) { return cd::formatMsf(cd::lbaToMsf(lba)); }
std::string lengthText(std::int32_t sectors) { return cd::formatMsf(cd::sectorsToMsf(static_cast<std::uint32_t>(sectors))); }

void collectTracks(mmc::Recorder& r, const mmc::DiscInformation& di, DiscReport& out) {
  int last = 0;
  if (di.discStatus == mmc::DiscInformation::Status::Complete) {
    last = di.lastTrackInLastSession;
  } else {
    const mmc::TrackInformation inv = r.invisibleTrack();
    last = inv.trackNumber - 1;
    out.freeSectors = static_cast<std::int32_t>(inv.freeBlocks);
    out.usedSectors = inv.nwaValid ? inv.nextWritableAddress : inv.trackStartLba;
    if (di.lastSessionState == mmc::DiscInformation::SessionState::Incomplete && !inv.nwaValid) {
      out.indeterminate = true;
      out.discStatus = "incomplete";
      out.freeSectors = 0;  // nothing can be written (every WRITE is refused) until the disc is blanked
    }
  }
  std::map<int, ReportSession> sessions;
  for (int n = di.firstTrackNumber ? di.firstTrackNumber : 1; n <= last; ++n) {
    const mmc::TrackInformation ti = r.trackInformation(scsi::TrackAddressType::TrackNumber, static_cast<std::uint32_t>(n));
    out.tracks.push_back({n, ti.sessionNumber, ti.trackStartLba, static_cast<std::int32_t>(ti.trackSize),
                          ti.trackMode, ti.damage});
    ReportSession& s = sessions[ti.sessionNumber];
    if (!s.number) s = {ti.sessionNumber, n, n};
    s.lastTrack = n;
  }
  for (const auto& [num, s] : sessions) out.sessions.push_back(s);
}

}  // namespace

std::string mediaTypeName(mmc::MediaPhysicalType type) {
  using T = mmc::MediaPhysicalType;
  switch (type) {
    case T::CdRom: return "IMAPI_MEDIA_TYPE_CDROM";
    case T::CdR: return "IMAPI_MEDIA_TYPE_CDR";
    case T::CdRw: return "IMAPI_MEDIA_TYPE_CDRW";
    case T::Unknown: return "IMAPI_MEDIA_TYPE_UNKNOWN";
    default: break;
  }
  return "IMAPI_MEDIA_TYPE_" + std::to_string(static_cast<int>(type));
}

DiscReport collectDiscReport(mmc::Recorder& r, const std::string& driveText) {
  DiscReport out;
  out.drive = driveText;
  out.vendor = r.vendorId();
  out.product = r.productId();
  out.revision = r.productRevision();
  r.waitUntilReady(30'000);
  out.mediaType = mediaTypeName(r.currentPhysicalMediaType());
  const mmc::DiscInformation di = r.discInformation();
  out.discStatus = statusName(di.discStatus);
  out.erasable = di.erasable;
  out.capacitySectors = r.atip().lastPossibleLeadOutLba;
  if (di.discStatus == mmc::DiscInformation::Status::Blank) {
    const mmc::TrackInformation inv = r.invisibleTrack();
    out.freeSectors = static_cast<std::int32_t>(inv.freeBlocks);
    out.usedSectors = inv.nwaValid ? inv.nextWritableAddress : 0;
  } else {
    collectTracks(r, di, out);
    try {
      out.leadOutLba = r.toc().leadOutLba();
    } catch (const Error&) {
      out.leadOutLba = -1;  // an open first session has no TOC yet
    }
    if (di.discStatus == mmc::DiscInformation::Status::Complete) out.usedSectors = out.leadOutLba;
  }
  out.totalSectors = out.usedSectors + out.freeSectors;
  return out;
}

nlohmann::json discReportJson(const DiscReport& d) {
  nlohmann::json tracks = nlohmann::json::array(), sessions = nlohmann::json::array();
  for (const ReportTrack& t : d.tracks)
    tracks.push_back({{"number", t.number}, {"session", t.session}, {"startLba", t.startLba},
                      {"startMsf", msfText(t.startLba)}, {"lengthSectors", t.lengthSectors},
                      {"length", lengthText(t.lengthSectors)}, {"control", t.control}, {"damaged", t.damaged}});
  for (const ReportSession& s : d.sessions)
    sessions.push_back({{"number", s.number}, {"firstTrack", s.firstTrack}, {"lastTrack", s.lastTrack}});
  return {{"drive", d.drive},
          {"vendor", d.vendor},
          {"product", d.product},
          {"revision", d.revision},
          {"mediaType", d.mediaType},
          {"discStatus", d.discStatus},
          {"erasable", d.erasable},
          {"indeterminate", d.indeterminate},
          {"sessions", sessions},
          {"tracks", tracks},
          {"leadOutLba", d.leadOutLba},
          {"freeSectors", d.freeSectors},
          {"usedSectors", d.usedSectors},
          {"totalSectors", d.totalSectors},
          {"capacitySectors", d.capacitySectors}};
}

void printDiscReport(std::FILE* out, const DiscReport& d) {
  std::fprintf(out, "Drive:   %s  (%s %s %s)\n", d.drive.c_str(), d.vendor.c_str(), d.product.c_str(),
               d.revision.c_str());
  std::fprintf(out, "Media:   %s%s, %s, %zu session(s), %zu track(s)\n", d.mediaType.c_str(),
               d.erasable ? " (erasable)" : "", d.discStatus.c_str(), d.sessions.size(), d.tracks.size());
  if (d.indeterminate)
    std::fprintf(out, "         INDETERMINATE: a write stopped before the lead-out; the disc has no complete TOC and "
                      "cannot be played or written. %s\n",
                 d.erasable ? "Erase it with `kiln blank` (CD-RW)." : "A CD-R cannot be erased: use a new disc.");
  if (!d.tracks.empty()) {
    std::fprintf(out, "  track session  start LBA  start MSF  length sectors   length\n");
    for (const ReportTrack& t : d.tracks)
      std::fprintf(out, "  %5d %7d  %9d   %s  %14d  %s%s\n", t.number, t.session, t.startLba,
                   msfText(t.startLba).c_str(), t.lengthSectors, lengthText(t.lengthSectors).c_str(),
                   t.damaged ? "  (damaged)" : "");
    if (d.leadOutLba >= 0)
      std::fprintf(out, "  lead-out       %9d   %s\n", d.leadOutLba, msfText(d.leadOutLba).c_str());
  }
  std::fprintf(out, "Sectors: %d used, %d free, %d total (%s free)\n", d.usedSectors, d.freeSectors,
               d.totalSectors, ui::formatDuration(d.freeSectors).c_str());
}

}  // namespace kiln::cli
