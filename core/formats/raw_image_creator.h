#pragma once
// Builds a whole-disc raw CD image for disc-at-once RAW writing, mirroring IMAPI2's IRawCDImageCreator
// (MMC-NOTES A.5). The result is a pull-based sector stream (RawImageStream) from MSF 95:00:00 (LBA −22650) to the
// end of the lead-out: lead-in (TOC in Q, CD-TEXT in R–W), the 150-sector pause (or the special pregap), the
// program area and a 6750-sector lead-out, each sector = 2352 bytes of audio + 16 or 96 bytes of sub-channel.
// Q and P follow cd::SubcodeLayout (ECMA-130 §22; MMC-NOTES D.7); CD-TEXT packs follow cd::buildCdTextPacks (D.8).
//
// Memory: constant in the length of the disc — track streams are read on demand, each sector is generated when
// the consumer asks for it. The streams passed to addTrack/addSpecialPregap/addSubcodeRwGenerator are not owned
// and must outlive the result stream; each is read once, sequentially.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/cd/cdtext.h"
#include "core/cd/subcode_layout.h"
#include "core/formats/audio_stream.h"
#include "core/formats/raw_track_info.h"
#include "core/formats/raw_types.h"

namespace kiln::formats {

class RawImageStream;

/// Mirrors IRawCDImageCreator. Errors are kiln::Error with the HRESULT IMAPI returns (E_IMAPI_RAW_IMAGE_*).
/// Every setter and add* throws E_IMAPI_RAW_IMAGE_IS_READ_ONLY after createResultImage().
class RawImageCreator {
 public:
  RawImageCreator() = default;
  RawImageCreator(const RawImageCreator&) = delete;
  RawImageCreator& operator=(const RawImageCreator&) = delete;
  ~RawImageCreator();

  /// AddTrack: appends an audio track; returns its index 1..99 (for trackInfo). The stream's size is rounded up to
  /// whole 2352-byte sectors (the tail zero-padded). Throws E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED (not
  /// Audio), E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS (would be the 100th, or pass track number 99),
  /// E_INVALIDARG (size not whole 4-byte sample frames, or < 300 sectors = 4 s),
  /// E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE (last sector past LBA 398,099, or lead-out past startOfLeadoutLimit).
  std::int32_t addTrack(CdSectorType type, AudioStream& stream);
  /// AddSpecialPregap: audio for track 1's pregap (hidden track-one audio, from LBA −150); track 1 then starts at
  /// LBA sectors − 150. Throws E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED (after addTrack), E_INVALIDARG (< 150
  /// sectors, not whole sample frames, or a second call), E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE (past 397,799).
  void addSpecialPregap(AudioStream& stream);
  /// AddSubcodeRWGenerator: 96 bytes per image sector, R–W symbols in bits 5–0 (bits 7–6, P and Q, must be 0;
  /// they are masked off), copied into every sector in the form of resultingImageType (interleaved for Raw,
  /// packed for Cooked). Where CD-TEXT is set, the lead-in R–W carries CD-TEXT and the generator's lead-in bytes
  /// are read and dropped. Its size must be ≥ sectors × 96 at createResultImage (else E_INVALIDARG); a generator
  /// that ends early leaves R–W zero. Throws E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED with PqOnly (no R–W).
  void addSubcodeRwGenerator(AudioStream& stream);

  /// ResultingImageType (Kiln default: Raw = 2448 bytes with raw P–W). Invalid value → E_INVALIDARG; PqOnly while
  /// an R–W generator is set → E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED.
  RawCdSectorType resultingImageType() const { return type_; }
  void setResultingImageType(RawCdSectorType type);
  /// StartOfLeadout: LBA of the first lead-out sector for the current tracks and settings. No tracks →
  /// E_IMAPI_RAW_IMAGE_NO_TRACKS.
  std::int32_t startOfLeadout() const;
  /// StartOfLeadoutLimit: the latest lead-out start the image must fit (e.g. a medium's
  /// LastPossibleStartOfLeadout); 0 (default) = only the 89:59:74 rule. Negative → E_INVALIDARG; below the current
  /// lead-out start → E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE.
  std::int32_t startOfLeadoutLimit() const { return leadOutLimit_; }
  void setStartOfLeadoutLimit(std::int32_t lba);
  /// DisableGaplessAudio (default false = consecutive tracks follow each other with no pause). true → a silent
  /// pregap of gapSectors() (default 150 = 2 s) before every track after the first.
  bool disableGaplessAudio() const { return gapless_ == false; }
  void setDisableGaplessAudio(bool disable);
  /// Kiln extension: the pause used when gapless audio is disabled, sectors (75 per second; kiln --gap SECONDS).
  /// Negative → E_INVALIDARG. The layout must still fit (E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE).
  std::int32_t gapSectors() const { return gapSectors_; }
  void setGapSectors(std::int32_t sectors);
  /// MediaCatalogNumber: 13 digits (UPC/EAN) or empty (default, none). Otherwise E_INVALIDARG. Recorded in Q
  /// (ADR 2) about once per 100 sectors of the program area.
  const std::string& mediaCatalogNumber() const { return mcn_; }
  void setMediaCatalogNumber(std::string mcn);
  /// StartingTrackNumber (default 1): 1..99 and the last track must stay ≤ 99 (else E_INVALIDARG).
  std::int32_t startingTrackNumber() const { return firstTrack_; }
  void setStartingTrackNumber(std::int32_t number);
  /// TrackInfo(index), index 1..numberOfExistingTracks (else E_INVALIDARG). Valid while the creator lives.
  RawTrackInfo& trackInfo(std::int32_t index);
  const RawTrackInfo& trackInfo(std::int32_t index) const;
  /// NumberOfExistingTracks.
  std::int32_t numberOfExistingTracks() const { return static_cast<std::int32_t>(tracks_.size()); }
  /// LastUsedUserSectorInImage: last LBA before the lead-out (includes pregaps/gaps). No tracks → NO_TRACKS.
  std::int32_t lastUsedUserSectorInImage() const { return startOfLeadout() - 1; }
  /// ExpectedTableOfContents: the READ TOC format 0 reply (LBA form, MMC-6 §6.26.3.2) the written disc will give:
  /// 4-byte header, one 8-byte descriptor per track (ADR 1, CONTROL of the track), lead-out AAh. No tracks →
  /// E_IMAPI_RAW_IMAGE_NO_TRACKS.
  std::vector<std::uint8_t> expectedTableOfContents() const;

  /// Kiln extension — CD-TEXT (IMAPI carries CD-TEXT only through an R–W generator the caller builds): album and
  /// per-track title, performer, songwriter, composer, arranger, message (and UPC/ISRC, genre, disc id) in up to 8
  /// language blocks, written as 18-byte packs with size-info packs and CRCs in the lead-in R–W, 4 packs per
  /// sector, cycled. firstTrack/lastTrack are taken from the tracks at createResultImage. Needs a 2448-byte type
  /// (PqOnly → E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED at createResultImage). Invalid texts (too many packs,
  /// > 8 blocks) → E_INVALIDARG at createResultImage.
  void setCdText(cd::CdText text);
  void clearCdText();
  const std::optional<cd::CdText>& cdText() const { return cdText_; }

  /// CreateResultImage: freezes the creator (read-only afterwards; a second call → E_IMAPI_RAW_IMAGE_IS_READ_ONLY)
  /// and returns the image stream, first sector at LBA −22650. No tracks → E_IMAPI_RAW_IMAGE_NO_TRACKS.
  std::unique_ptr<RawImageStream> createResultImage();
  bool readOnly() const { return readOnly_; }

  /// Kiln: the disc layout for the current tracks and settings (what the image's Q/P encode): for tests, export and
  /// cue-sheet writers. Throws NO_TRACKS without tracks, E_INVALIDARG for an audio pregap that does not fit.
  cd::DiscLayout discLayout() const;

 private:
  friend class RawTrackInfo;
  friend class RawImageStream;
  struct Run {  ///< one stream placed on the disc
    std::int32_t lba = 0;
    std::int32_t sectors = 0;
    AudioStream* stream = nullptr;
  };
  void requireWritable() const;
  void requireTracks() const;
  std::int32_t gapBefore(std::size_t trackIdx) const;  ///< silent sectors before the stream of track trackIdx
  std::int32_t streamStart(std::size_t trackIdx) const;
  std::int32_t leadOutFor(std::int32_t extraSectors) const;  ///< lead-out with `extra` sectors appended
  void checkFits(std::int32_t leadOut) const;
  std::vector<Run> runs() const;

  std::vector<std::unique_ptr<RawTrackInfo>> tracks_;
  AudioStream* specialPregap_ = nullptr;
  std::int32_t specialPregapSectors_ = 0;
  AudioStream* rwGenerator_ = nullptr;
  RawCdSectorType type_ = RawCdSectorType::Raw;
  std::int32_t leadOutLimit_ = 0;
  bool gapless_ = true;
  std::int32_t gapSectors_ = 150;
  std::string mcn_;
  std::int32_t firstTrack_ = 1;
  std::optional<cd::CdText> cdText_;
  bool readOnly_ = false;
};

/// The result of RawImageCreator::createResultImage: an AudioStream (IStream) of raw sectors, sector k = LBA
/// firstLba() + k, each bytesPerSector() bytes: 2352 main-channel bytes then the sub-channel in the image's form.
/// Generated on demand; read() may be called with any buffer size (partial sectors are kept between calls).
/// Throws whatever a track stream throws.
class RawImageStream final : public AudioStream {
 public:
  std::uint64_t sizeBytes() const override;
  std::size_t read(std::span<std::uint8_t> out) override;

  /// LBA of the first sector (−22650).
  std::int32_t firstLba() const { return kRawImageStartLba; }
  /// Sectors in the image (lead-in + program area + lead-out).
  std::int32_t sectorCount() const { return layout_.end() - kRawImageStartLba; }
  std::int32_t bytesPerSector() const { return rawSectorBytes(type_); }
  RawCdSectorType sectorType() const { return type_; }
  const cd::SubcodeLayout& layout() const { return layout_; }
  /// Kiln: skips whole sectors forward without generating them (IStream::Seek); track streams are read and
  /// dropped only where a skipped sector holds their audio. Only at a sector boundary; beyond the end → E_INVALIDARG.
  void skipSectors(std::int32_t count);

 private:
  friend class RawImageCreator;
  struct RunState {
    std::int32_t lba, sectors;
    AudioStream* stream;
    std::uint64_t bytesLeft;
  };
  RawImageStream(cd::SubcodeLayout layout, RawCdSectorType type, std::vector<RunState> runs,
                 std::vector<bool> scmsTracks, std::optional<cd::CdTextLeadIn> cdText, AudioStream* rwGenerator);
  void generate(std::int32_t lba, std::uint8_t* out);
  void mainChannel(std::int32_t lba, std::uint8_t* out);
  cd::QBytes qOf(std::int32_t lba) const;
  void rwOf(std::int32_t lba, std::uint8_t* rw96);

  cd::SubcodeLayout layout_;
  RawCdSectorType type_;
  std::vector<RunState> runs_;
  std::size_t run_ = 0;
  std::vector<bool> scms_;  ///< per track index: copy bit alternates
  std::optional<cd::CdTextLeadIn> cdText_;
  AudioStream* rwGen_;
  std::int32_t next_ = kRawImageStartLba;  ///< LBA of the next sector to generate
  std::vector<std::uint8_t> sector_;
  std::size_t pos_ = 0;                     ///< bytes of sector_ already handed out (== size when empty)
};

}  // namespace kiln::formats
