#include "native-helper/cli/dao_plan.h"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/cd/msf.h"
#include "core/imapi/error.h"
#include "native-helper/audio/audio_file_stream.h"
#include "native-helper/audio/prefetch_stream.h"
#include "native-helper/audio/segment_stream.h"
#include "native-helper/audio/tags.h"
#include "native-helper/cli/burn_plan.h"
#include "native-helper/cue/cue_layout.h"
#include "core/cd/subcode.h"

namespace kiln::cli {
namespace {

namespace fs = std::filesystem;
constexpr std::uint64_t kSector = cd::kAudioSectorBytes;
constexpr std::uint64_t kMinTrackBytes = kSector * cd::kMinTrackSectors;

/// A file's audio followed by silence up to `size` (a DAO track shorter than 4 s is padded like a TAO one).
class ZeroPadStream final : public formats::AudioStream {
 public:
  ZeroPadStream(std::unique_ptr<formats::AudioStream> inner, std::uint64_t size) : inner_(std::move(inner)), size_(size) {}
  std::uint64_t sizeBytes() const override { return size_; }
  std::size_t read(std::span<std::uint8_t> out) override {
    std::size_t n = innerDone_ ? 0 : inner_->read(out);
    if (n == 0) {
      innerDone_ = true;
      n = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), size_ - pos_));
      std::memset(out.data(), 0, n);
    }
    pos_ += n;
    return n;
  }

 private:
  std::unique_ptr<formats::AudioStream> inner_;
  std::uint64_t size_, pos_ = 0;
  bool innerDone_ = false;
};

/// Album-level text: the value every file that has the tag agrees on, else empty.
std::string common(const std::vector<std::string>& values) {
  std::string v;
  for (const std::string& s : values) {
    if (s.empty()) continue;
    if (!v.empty() && s != v) return "";
    v = s;
  }
  return v;
}

void textsFromTags(DaoDisc& disc, const std::vector<std::string>& paths) {
  std::vector<std::string> albums, artists;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const audio::AudioTags t = audio::readTags(paths[i]);
    if (!t.title.empty()) disc.tracks[i].texts[cd::kCdTextTitle] = t.title;
    if (!t.artist.empty()) disc.tracks[i].texts[cd::kCdTextPerformer] = t.artist;
    albums.push_back(t.album);
    artists.push_back(t.artist);
  }
  if (const std::string a = common(albums); !a.empty()) disc.albumText[cd::kCdTextTitle] = a;
  if (const std::string a = common(artists); !a.empty()) disc.albumText[cd::kCdTextPerformer] = a;
}

audio::SourceFile::Kind kindOf(cue::FileType t) {
  switch (t) {
    case cue::FileType::BinaryLE: return audio::SourceFile::Kind::RawLE;
    case cue::FileType::BinaryBE: return audio::SourceFile::Kind::RawBE;
    case cue::FileType::Decoded: break;
  }
  return audio::SourceFile::Kind::Decoded;
}

std::string where(const cue::CueSheet& sheet, int line) { return sheet.name + ":" + std::to_string(line); }

cd::CdText readCdTextFile(const std::string& path, const std::string& at) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND, at + ": CDTEXTFILE \"" + path + "\" not found");
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::size_t skip = bytes.size() % 18 == 4 ? 4 : 0;  // cdrecord's 4-byte header (length + 2 reserved bytes)
  if ((bytes.size() - skip) % 18 != 0 || bytes.size() == skip)
    throw Error(HResult::E_INVALIDARG, at + ": CDTEXTFILE \"" + path + "\" is not a CD-TEXT pack file (18-byte packs)");
  std::vector<cd::CdTextPack> packs((bytes.size() - skip) / 18);
  for (std::size_t i = 0; i < packs.size(); ++i) std::memcpy(packs[i].data(), bytes.data() + skip + i * 18, 18);
  try {
    return cd::parseCdTextPacks(packs);
  } catch (const Error& e) {
    throw Error(e.code(), at + ": CDTEXTFILE: " + e.detail());
  }
}

std::vector<std::shared_ptr<audio::SourceFile>> openSources(const cue::CueSheet& sheet, const fs::path& dir,
                                                            std::vector<std::uint64_t>& bytes) {
  std::vector<std::shared_ptr<audio::SourceFile>> files;
  for (const cue::CueFile& f : sheet.files) {
    const fs::path p = fs::path(f.name).is_absolute() ? fs::path(f.name) : dir / f.name;
    auto src = std::make_shared<audio::SourceFile>(p.string(), kindOf(f.type));
    try {
      bytes.push_back(src->sizeBytes());
    } catch (const Error& e) {
      throw Error(e.code(), where(sheet, f.line) + ": FILE \"" + f.name + "\": " + e.detail());
    }
    src->close();
    files.push_back(std::move(src));
  }
  return files;
}

audio::LazyStream::Factory segmentFactory(std::vector<cue::Segment> segments,
                                          const std::vector<std::shared_ptr<audio::SourceFile>>& files) {
  return [segments, files]() -> std::unique_ptr<formats::AudioStream> {
    return std::make_unique<audio::PrefetchStream>(std::make_unique<audio::SegmentStream>(segments, files));
  };
}

const char* fileTypeName(cue::FileType t) {
  return t == cue::FileType::BinaryLE ? "BINARY" : t == cue::FileType::BinaryBE ? "MOTOROLA" : "WAVE";
}

}  // namespace

DaoDisc planDaoFiles(const std::vector<std::string>& paths, bool tagsToCdText) {
  DaoDisc disc;
  for (ui::PlannedTrack& t : planTracks(paths)) {
    DaoTrack d;
    d.bytes = std::max<std::uint64_t>(t.bytes, kMinTrackBytes);
    const std::string path = t.path;
    const std::uint64_t size = d.bytes;
    d.open = [path, size]() -> std::unique_ptr<formats::AudioStream> {
      return std::make_unique<ZeroPadStream>(
          std::make_unique<audio::PrefetchStream>(std::make_unique<audio::AudioFileStream>(path)), size);
    };
    d.where = path;
    d.planned = std::move(t);
    disc.tracks.push_back(std::move(d));
  }
  if (tagsToCdText) textsFromTags(disc, paths);
  return disc;
}

DaoDisc planDaoCue(const std::string& cuePath) {
  const cue::CueSheet sheet = cue::loadCueSheet(cuePath);
  const fs::path dir = fs::absolute(cuePath).parent_path();
  DaoDisc disc;
  disc.warnings = sheet.warnings;
  std::vector<std::uint64_t> bytes;
  const auto files = openSources(sheet, dir, bytes);
  cue::DiscLayoutPlan layout = cue::layoutCue(sheet, bytes);
  disc.warnings.insert(disc.warnings.end(), layout.warnings.begin(), layout.warnings.end());
  disc.mcn = sheet.catalog;
  disc.albumText = sheet.texts;
  disc.firstTrackNumber = sheet.tracks.front().number;
  if (!sheet.cdTextFile.empty()) {
    const fs::path p = fs::path(sheet.cdTextFile).is_absolute() ? fs::path(sheet.cdTextFile) : dir / sheet.cdTextFile;
    disc.cdTextFile = readCdTextFile(p.string(), where(sheet, sheet.cdTextFileLine));
  }
  if (!layout.specialPregap.empty()) {
    for (const cue::Segment& s : layout.specialPregap) disc.specialPregapBytes += s.bytes;
    disc.openSpecialPregap = segmentFactory(layout.specialPregap, files);
  }
  for (std::size_t i = 0; i < sheet.tracks.size(); ++i) {
    const cue::CueTrack& ct = sheet.tracks[i];
    cue::TrackLayout& tl = layout.tracks[i];
    DaoTrack d;
    const cue::CueFile& f = sheet.files[static_cast<std::size_t>(ct.index(1)->file)];
    d.planned = {(dir / f.name).string(), fileTypeName(f.type), 44100, 2, tl.bytes,
                 static_cast<std::int32_t>(tl.bytes / kSector)};
    d.bytes = tl.bytes;
    d.open = segmentFactory(std::move(tl.segments), files);
    d.isrc = ct.isrc;
    d.audioPregapSectors = tl.audioPregapSectors;
    d.indexOffsets = tl.indexOffsets;
    d.copyPermitted = ct.flagDcp;
    d.preemphasis = ct.flagPre;
    d.scms = ct.flagScms;
    d.texts = ct.texts;
    d.where = where(sheet, ct.line) + ": TRACK " + std::to_string(ct.number);
    disc.tracks.push_back(std::move(d));
  }
  return disc;
}

void applyOverrides(DaoDisc& disc, const std::vector<std::string>& isrcs, const std::string& mcn,
                    const TextOverrides& texts) {
  const int n = static_cast<int>(disc.tracks.size());
  const auto trackAt = [&](int k, const std::string& opt) -> DaoTrack& {
    if (k < 1 || k > n)
      throw Error(HResult::E_INVALIDARG, opt + ": there is no track " + std::to_string(k) + " (the disc has " +
                                             std::to_string(n) + ")");
    return disc.tracks[static_cast<std::size_t>(k - 1)];
  };
  for (const std::string& spec : isrcs) {
    const std::size_t eq = spec.find('=');
    int k = 0;
    try {
      k = eq == std::string::npos ? 0 : std::stoi(spec.substr(0, eq));
    } catch (const std::exception&) {
    }
    const std::string code = eq == std::string::npos ? "" : spec.substr(eq + 1);
    if (k == 0 || !cd::isValidIsrc(code))
      throw Error(HResult::E_INVALIDARG, "--isrc " + spec + ": expected N=CCOOOYYSSSSS (12 characters: 5 of "
                                                           "[0-9A-Z], then 7 digits), e.g. 1=USABC2500001");
    trackAt(k, "--isrc " + spec).isrc = code;
  }
  if (!mcn.empty()) {
    if (mcn.size() != 13 || !std::all_of(mcn.begin(), mcn.end(), [](char c) { return c >= '0' && c <= '9'; }))
      throw Error(HResult::E_INVALIDARG, "--mcn " + mcn + ": the media catalog number is 13 digits (UPC/EAN)");
    disc.mcn = mcn;
  }
  for (const auto& [type, text] : texts.album) disc.albumText[type] = text;
  for (const auto& [k, set] : texts.tracks)
    for (const auto& [type, text] : set) trackAt(k, "CD-TEXT override").texts[type] = text;
}

void buildImage(const DaoDisc& disc, bool withCdText, formats::RawImageCreator& c, DaoStreams& streams,
                std::vector<std::string>& warnings) {
  if (disc.firstTrackNumber != 1) c.setStartingTrackNumber(disc.firstTrackNumber);
  if (disc.specialPregapBytes > 0) {
    streams.streams.push_back(std::make_unique<audio::LazyStream>(disc.specialPregapBytes, disc.openSpecialPregap));
    c.addSpecialPregap(*streams.streams.back());
  }
  if (disc.gapSectors > 0) {
    c.setDisableGaplessAudio(true);
    c.setGapSectors(disc.gapSectors);
  }
  for (std::size_t i = 0; i < disc.tracks.size(); ++i) {
    const DaoTrack& t = disc.tracks[i];
    try {
      streams.streams.push_back(std::make_unique<audio::LazyStream>(t.bytes, t.open));
      formats::RawTrackInfo& ti = c.trackInfo(c.addTrack(formats::CdSectorType::Audio, *streams.streams.back()));
      ti.setIsrc(t.isrc);
      ti.setDigitalAudioCopySetting(t.scms ? formats::DigitalCopySetting::Scms
                                    : t.copyPermitted ? formats::DigitalCopySetting::Permitted
                                                      : formats::DigitalCopySetting::Prohibited);
      ti.setAudioHasPreemphasis(t.preemphasis);
      if (i > 0 && t.audioPregapSectors > 0) ti.setAudioPregapSectors(t.audioPregapSectors);
      for (const std::int32_t off : t.indexOffsets) ti.addTrackIndex(off);
    } catch (const Error& e) {
      throw Error(e.code(), t.where + ": " + e.detail());
    }
  }
  c.setMediaCatalogNumber(disc.mcn);
  c.discLayout();  // validates audio pregaps against the previous tracks
  if (!withCdText) return;
  if (disc.cdTextFile) {
    c.setCdText(*disc.cdTextFile);
    return;
  }
  std::vector<TextSet> tracks;
  for (const DaoTrack& t : disc.tracks) tracks.push_back(t.texts);
  std::optional<cd::CdText> text = buildCdText(disc.albumText, tracks, c.startingTrackNumber(), warnings);
  if (text) c.setCdText(std::move(*text));
  else warnings.push_back("no CD-TEXT written: the files have no title/artist/album tags and none were given");
}

}  // namespace kiln::cli
