#include "native-helper/cue/cue_layout.h"

#include <algorithm>

#include "core/cd/msf.h"
#include "core/imapi/error.h"

namespace kiln::cue {
namespace {

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

constexpr std::uint64_t kSector = cd::kAudioSectorBytes;

class Layouter {
 public:
  Layouter(const CueSheet& sheet, const std::vector<std::uint64_t>& fileBytes) : sheet_(sheet), bytes_(fileBytes) {
    std::int64_t at = 0;
    for (std::size_t f = 0; f < sheet.files.size(); ++f) {
      start_.push_back(at);
      at += fileSectors(bytes_[f]);
      if (bytes_[f] % kSector != 0)
        plan_.warnings.push_back(sheet.name + ":" + std::to_string(sheet.files[f].line) + ": FILE \"" +
                                 sheet.files[f].name + "\" is not whole sectors: its end is padded with " +
                                 std::to_string(kSector - bytes_[f] % kSector) + " bytes of silence");
    }
    end_ = at;
  }

  DiscLayoutPlan run() {
    const auto& tracks = sheet_.tracks;
    std::vector<std::int64_t> g0(tracks.size()), g1(tracks.size());
    for (std::size_t i = 0; i < tracks.size(); ++i) {
      g1[i] = global(*tracks[i].index(1));
      g0[i] = tracks[i].index(0) ? global(*tracks[i].index(0)) : g1[i];
      if (i > 0 && g0[i] < g1[i - 1])
        fail(tracks[i].index(0) ? tracks[i].index(0)->line : tracks[i].index(1)->line,
             "track " + std::to_string(tracks[i].number) + " starts before INDEX 01 of track " +
                 std::to_string(tracks[i - 1].number));
      if (i > 0)
        for (const CueIndex& x : tracks[i - 1].indexes)
          if (x.number > 1 && global(x) >= g0[i])
            fail(x.line, "INDEX " + two(x.number) + " of track " + std::to_string(tracks[i - 1].number) +
                             " is not before the next track");
    }
    specialPregap(tracks[0], g1[0]);
    for (std::size_t i = 0; i < tracks.size(); ++i) {
      TrackLayout t;
      t.number = tracks[i].number;
      const bool last = i + 1 == tracks.size();
      range(t.segments, g1[i], last ? end_ : g0[i + 1]);
      silence(t.segments, tracks[i].postgapSectors);
      if (!last) {
        silence(t.segments, tracks[i + 1].pregapSectors);
        range(t.segments, g0[i + 1], g1[i + 1]);
      }
      for (const CueIndex& x : tracks[i].indexes)
        if (x.number > 1) t.indexOffsets.push_back(static_cast<std::int32_t>(global(x) - g1[i]));
      if (i > 0) t.audioPregapSectors = static_cast<std::int32_t>(tracks[i].pregapSectors + g1[i] - g0[i]);
      for (const Segment& s : t.segments) t.bytes += s.bytes;
      plan_.tracks.push_back(std::move(t));
    }
    return std::move(plan_);
  }

 private:
  [[noreturn]] void fail(int line, const std::string& what) const {
    throw Error(HResult::E_INVALIDARG, sheet_.name + ":" + std::to_string(line) + ": " + what);
  }

  std::int64_t global(const CueIndex& x) const {
    const std::int64_t sectors = fileSectors(bytes_[x.file]);
    if (x.sectors > sectors)
      fail(x.line, "INDEX " + two(x.number) + " at " +
                       cd::formatMsf(cd::sectorsToMsf(static_cast<std::uint32_t>(x.sectors))) + " is past the end of FILE \"" +
                       sheet_.files[x.file].name + "\" (" +
                       cd::formatMsf(cd::sectorsToMsf(static_cast<std::uint32_t>(sectors))) + ")");
    return start_[x.file] + x.sectors;
  }

  /// Track 1's pregap: the disc's 150-sector pause (or a longer PREGAP) then the audio before INDEX 01.
  void specialPregap(const CueTrack& t1, std::int64_t g1) {
    const std::int32_t pause = std::max<std::int32_t>(150, t1.pregapSectors);
    if (g1 == 0 && pause == 150) return;
    silence(plan_.specialPregap, pause);
    range(plan_.specialPregap, 0, g1);
  }

  void silence(std::vector<Segment>& out, std::int64_t sectors) const {
    if (sectors <= 0) return;
    if (!out.empty() && out.back().file < 0) out.back().bytes += static_cast<std::uint64_t>(sectors) * kSector;
    else out.push_back({-1, 0, static_cast<std::uint64_t>(sectors) * kSector});
  }

  /// Global sectors [a, b) as FILE segments (+ silence where a FILE was padded).
  void range(std::vector<Segment>& out, std::int64_t a, std::int64_t b) const {
    for (std::size_t f = 0; f < start_.size() && a < b; ++f) {
      const std::int64_t fs = start_[f], fe = fs + fileSectors(bytes_[f]);
      const std::int64_t lo = std::max(a, fs), hi = std::min(b, fe);
      if (lo >= hi) continue;
      const std::uint64_t off = static_cast<std::uint64_t>(lo - fs) * kSector;
      const std::uint64_t len = static_cast<std::uint64_t>(hi - lo) * kSector;
      const std::uint64_t real = off >= bytes_[f] ? 0 : std::min(len, bytes_[f] - off);
      if (real) out.push_back({static_cast<int>(f), off, real});
      if (len > real) {
        if (!out.empty() && out.back().file < 0) out.back().bytes += len - real;
        else out.push_back({-1, 0, len - real});
      }
    }
  }

  const CueSheet& sheet_;
  const std::vector<std::uint64_t>& bytes_;
  std::vector<std::int64_t> start_;
  std::int64_t end_ = 0;
  DiscLayoutPlan plan_;
};

}  // namespace

std::int64_t fileSectors(std::uint64_t bytes) { return static_cast<std::int64_t>((bytes + kSector - 1) / kSector); }

DiscLayoutPlan layoutCue(const CueSheet& sheet, const std::vector<std::uint64_t>& fileBytes) {
  if (fileBytes.size() != sheet.files.size())
    throw Error(HResult::E_INVALIDARG, "layoutCue: one length per FILE needed");
  return Layouter(sheet, fileBytes).run();
}

}  // namespace kiln::cue
