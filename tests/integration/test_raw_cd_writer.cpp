// RawCdWriter (IDiscFormat2RawCD) against the virtual drive, which records RAW writes (write type 3, block types
// 1/2/3) and decodes the TOC, MCN, ISRC and CD-TEXT from the sub-channel. RawSink sits between the host stack and
// the drive: it watches the RAW WRITE commands (CDB, contiguity, every sector compared with an independently
// generated copy of the image) and passes them on to the real drive. It fakes only what the drive cannot be made
// to do: a feature 002Eh without R-W, and a MODE SELECT that rejects one data block type.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/formats/raw_cd_writer.h"
#include "core/cd/cdtext.h"
#include "core/formats/raw_image_creator.h"
#include "core/scsi/bytes.h"
#include "integration/rig.h"
#include "vdrive/export.h"

using namespace kiln;
using namespace kiln::formats;
using kiln::test::codeOf;
using kiln::test::PatternStream;
using kiln::test::Rig;

namespace {

/// See the file comment. Knobs: clear the R-W bit of feature 002Eh, reject one data block type at MODE SELECT.
/// Every RAW WRITE is inspected, then executed by the virtual drive.
class RawSink final : public scsi::ScsiTransport {
 public:
  explicit RawSink(scsi::ScsiTransport& inner) : inner_(inner) {}

  scsi::Result execute(const scsi::Command& c) override {
    const std::uint8_t op = c.cdb.opcode();
    log.push_back(op);
    if (op == scsi::op::kModeSelect10 && c.data.size() >= 8 + 5 && (c.data[8] & 0x3F) == 0x05) {
      const std::uint8_t type = c.data[8 + 2] & 0x0F, block = c.data[8 + 4] & 0x0F;
      if (type == 3 && block == rejectBlockType) return checkCondition(0x05, 0x26);
      writeType = type;
      blockType = block;
      bufe = (c.data[8 + 2] & 0x40) != 0;
      testWrite = (c.data[8 + 2] & 0x10) != 0;
    }
    if ((op == scsi::op::kWrite10 || op == scsi::op::kWrite12) && writeType == 3) return rawWrite(c);
    scsi::Result r = inner_.execute(c);
    if (op == scsi::op::kGetConfiguration && clearRw) clearMasteringRw(c, r);
    return r;
  }

  std::function<void(std::int32_t lba, const std::uint8_t* sector, std::size_t bytes)> onSector;
  std::vector<std::uint8_t> log;        ///< opcodes in order
  std::vector<std::int32_t> writeLbas;  ///< LBA of each RAW WRITE
  std::int32_t nextLba = 0, sectors = 0;
  bool contiguous = true;
  std::uint8_t writeType = 0, blockType = 0, rejectBlockType = 0xFF;
  bool bufe = false, testWrite = false, clearRw = false;

 private:
  static scsi::Result checkCondition(std::uint8_t key, std::uint8_t asc) {
    scsi::Result r;
    r.status = scsi::Status::CheckCondition;
    r.sense.valid = true;
    r.sense.key = key;
    r.sense.asc = asc;
    return r;
  }

  scsi::Result rawWrite(const scsi::Command& c) {
    const std::int32_t lba = scsi::getBe32s(c.cdb.bytes, 2);
    const std::uint32_t count =
        c.cdb.opcode() == scsi::op::kWrite10 ? scsi::getBe16(c.cdb.bytes, 7) : scsi::getBe32(c.cdb.bytes, 6);
    const std::size_t bps = blockType == 1 ? 2368 : 2448;
    if (c.data.size() != count * bps) return checkCondition(0x05, 0x24);
    if (!writeLbas.empty() && lba != nextLba) contiguous = false;
    writeLbas.push_back(lba);
    for (std::uint32_t i = 0; i < count; ++i)
      if (onSector) onSector(lba + static_cast<std::int32_t>(i), c.data.data() + i * bps, bps);
    nextLba = lba + static_cast<std::int32_t>(count);
    sectors += static_cast<std::int32_t>(count);
    return inner_.execute(c);
  }

  static void clearMasteringRw(const scsi::Command& c, scsi::Result& r) {
    std::size_t off = 8;
    while (off + 4 <= r.transferred) {
      const std::uint16_t code = static_cast<std::uint16_t>(c.data[off] << 8 | c.data[off + 1]);
      const std::size_t len = c.data[off + 3];
      if (code == 0x002E && len >= 1) c.data[off + 4] &= static_cast<std::uint8_t>(~0x01);
      off += 4 + len;
    }
  }

  scsi::ScsiTransport& inner_;
};

/// The test album: 2 tracks (400 + 310 sectors), MCN, ISRC, CD-TEXT. Same content every time it is built.
struct Album {
  PatternStream t1{400ull * 2352}, t2{310ull * 2352 - 100};
  RawImageCreator creator;
  std::unique_ptr<RawImageStream> image;
  explicit Album(RawCdSectorType type = RawCdSectorType::Raw) {
    creator.setResultingImageType(type);
    creator.addTrack(CdSectorType::Audio, t1);
    creator.addTrack(CdSectorType::Audio, t2);
    creator.setMediaCatalogNumber("0724384960650");
    creator.trackInfo(2).setIsrc("GBAYE6700149");
    if (type != RawCdSectorType::PqOnly) {
      cd::CdText text;
      cd::CdTextBlock b;
      b.texts[cd::kCdTextTitle] = {"Sink Album", "One", "Two"};
      text.blocks = {b};
      creator.setCdText(text);
    }
    image = creator.createResultImage();
  }
};

/// A RawCdWriter on a rig whose transport goes through a RawSink.
struct RawRig {
  explicit RawRig(vdrive::MediaKind kind = vdrive::MediaKind::CdR80) : rig(kind), sink(rig.transport), recorder(sink, rig.clock) {
    writer.setRecorder(&recorder);
    writer.setClientName("kiln-tests");
    writer.setUpdateHandler([this](RawCdWriter& w, const RawCdProgress& p) {
      events.push_back(p);
      if (onEvent) onEvent(w, p);
    });
  }
  Rig rig;
  RawSink sink;
  mmc::Recorder recorder;
  RawCdWriter writer;
  std::vector<RawCdProgress> events;
  std::function<void(RawCdWriter&, const RawCdProgress&)> onEvent;
};

void burnTao(Rig& rig) {
  auto w = rig.writer();
  w->prepareMedia();
  PatternStream s(300ull * 2352);
  w->addAudioTrack(s);
  w->releaseMedia();
}

}  // namespace

TEST_CASE("raw cd: prepareMedia reads the medium's lead-in start and capacity; properties need it") {
  RawRig r;
  CHECK(codeOf([&] { r.writer.startOfNextSession(); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED);
  CHECK(codeOf([&] { r.writer.lastPossibleStartOfLeadout(); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED);
  CHECK(r.writer.isRecorderSupported(r.recorder));
  CHECK(r.writer.isCurrentMediaSupported(r.recorder));
  CHECK(r.writer.mediaPhysicallyBlank());
  CHECK(r.writer.supportedSectorTypes() ==
        std::vector<RawCdSectorType>{RawCdSectorType::PqOnly, RawCdSectorType::Cooked, RawCdSectorType::Raw});
  CHECK(r.writer.currentPhysicalMediaType() == mmc::MediaPhysicalType::CdR);
  r.writer.prepareMedia();
  CHECK(r.writer.prepared());
  CHECK(r.writer.startOfNextSession() == -11634);  // 97:26:66, vdrive CD-R 80
  CHECK(r.writer.lastPossibleStartOfLeadout() == 359'849);
  CHECK(codeOf([&] { r.writer.prepareMedia(); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_PREPARED);
  CHECK(codeOf([&] { r.writer.setRecorder(nullptr); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_PREPARED);
  CHECK(codeOf([&] { r.writer.setTestWrite(true); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_PREPARED);
  CHECK(codeOf([&] { r.writer.cancelWrite(); }) == HResult::S_OK);  // returned, not thrown…
  CHECK(r.writer.cancelWrite() == HResult::E_IMAPI_DF2RAW_WRITE_NOT_IN_PROGRESS);  // …and it is this code
  r.writer.releaseMedia();
  CHECK(codeOf([&] { r.writer.releaseMedia(); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED);

  Rig rw(vdrive::MediaKind::CdRw80);
  RawCdWriter w;
  w.setRecorder(&rw.recorder);
  w.setClientName("t");
  w.prepareMedia();
  CHECK(w.startOfNextSession() == -12150);  // 97:20:00
  CHECK(w.currentPhysicalMediaType() == mmc::MediaPhysicalType::CdRw);
}

TEST_CASE("raw cd: prepareMedia errors") {
  Rig rig;
  RawCdWriter w;
  CHECK(codeOf([&] { w.prepareMedia(); }) == HResult::E_IMAPI_DF2RAW_NO_RECORDER_SPECIFIED);
  CHECK(codeOf([&] { w.mediaPhysicallyBlank(); }) == HResult::E_IMAPI_RECORDER_REQUIRED);
  w.setRecorder(&rig.recorder);
  CHECK(codeOf([&] { w.prepareMedia(); }) == HResult::E_IMAPI_DF2RAW_CLIENT_NAME_IS_NOT_VALID);
  w.setClientName("kiln-tests");
  PatternStream s(100);
  CHECK(codeOf([&] { w.writeMedia(s); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED);

  burnTao(rig);  // finalised TAO disc
  CHECK_FALSE(w.isCurrentMediaSupported(rig.recorder));
  CHECK(codeOf([&] { w.prepareMedia(); }) == HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK);
  CHECK_FALSE(w.prepared());

  Rig empty;
  empty.drive.setDiscInserted(false);
  RawCdWriter e;
  e.setRecorder(&empty.recorder);
  e.setClientName("kiln-tests");
  CHECK(codeOf([&] { e.prepareMedia(); }) == HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
}

TEST_CASE("raw cd: writeMedia sends the image from the ATIP lead-in start through the lead-out in RAW mode") {
  RawRig r;
  Album album, reference;
  reference.image->skipSectors(22650 - 11634);  // the reference, positioned at the lead-in start
  std::int64_t mismatches = 0;
  std::int32_t expectLba = -11634;
  r.sink.onSector = [&](std::int32_t lba, const std::uint8_t* sector, std::size_t bytes) {
    std::vector<std::uint8_t> want(bytes);
    REQUIRE(reference.image->read(want) == bytes);
    if (lba != expectLba++ || std::memcmp(want.data(), sector, bytes) != 0) ++mismatches;
  };
  r.writer.prepareMedia();
  r.writer.writeMedia(*album.image);
  CHECK(mismatches == 0);
  CHECK(r.sink.writeLbas.front() == -11634);
  CHECK(r.sink.contiguous);
  CHECK(r.sink.sectors == 710 + 6750 + 11634);  // lead-in from the ATIP start, pause, program area, lead-out
  CHECK(r.sink.writeType == 3);
  CHECK(r.sink.blockType == 3);
  CHECK(r.sink.bufe);           // the drive lists BUF in 002Eh and BUFE was not disabled
  CHECK_FALSE(r.sink.testWrite);
  // SYNCHRONIZE CACHE after the last WRITE; nothing like a cue sheet or CLOSE.
  const auto lastWrite = std::find(r.sink.log.rbegin(), r.sink.log.rend(), scsi::op::kWrite10);
  CHECK(std::find(r.sink.log.rbegin(), lastWrite, scsi::op::kSynchronizeCache) != lastWrite);
  CHECK(std::count(r.sink.log.begin(), r.sink.log.end(), scsi::op::kSendCueSheet) == 0);
  CHECK(std::count(r.sink.log.begin(), r.sink.log.end(), scsi::op::kCloseTrackSession) == 0);
  CHECK_FALSE(r.writer.mediaIndeterminate());
  // What the drive recorded: its TOC is the one the image creator promised, with MCN, ISRC and CD-TEXT.
  CHECK(r.recorder.readTocRaw(scsi::TocFormat::Toc, false, 0) == album.creator.expectedTableOfContents());
  const vdrive::MediumState& st = r.rig.medium().state();
  REQUIRE(st.tracks.size() == 2);
  CHECK(st.finalized);
  CHECK(st.mcn == "0724384960650");
  CHECK(st.tracks[1].isrc == "GBAYE6700149");
  CHECK(st.subchannel);
  CHECK(cd::parseCdTextPacks(st.cdText).blocks.front().texts.at(cd::kCdTextTitle) ==
        std::vector<std::string>{"Sink Album", "One", "Two"});
  CHECK(r.recorder.discInformation().discStatus == mmc::DiscInformation::Status::Complete);

  REQUIRE(r.events.size() >= 4);
  CHECK(r.events.front().currentAction == RawCdWriteAction::Preparing);
  CHECK(r.events.front().startLba == -11634);
  CHECK(r.events.front().sectorCount == 19094);
  CHECK(r.events.back().currentAction == RawCdWriteAction::Finishing);
  CHECK(r.events.back().lastWrittenLba == 710 + 6750 - 1);
  int writing = 0;
  for (std::size_t i = 1; i < r.events.size(); ++i) {
    writing += r.events[i].currentAction == RawCdWriteAction::Writing;
    CHECK(r.events[i].lastWrittenLba >= r.events[i - 1].lastWrittenLba);
    CHECK(r.events[i].lastReadLba - r.events[i - 1].lastReadLba <= 150 + 26);  // an event per 150 sectors (+1 WRITE)
  }
  CHECK(writing >= 19094 / (150 + 26));
  r.writer.releaseMedia();
}

TEST_CASE("raw cd: PQ-only block type with a 2368-byte image, WRITE(12) streaming, BUFE off, test write") {
  RawRig r;
  Album album(RawCdSectorType::PqOnly);
  std::int64_t badQ = 0;
  r.sink.onSector = [&](std::int32_t lba, const std::uint8_t* sector, std::size_t bytes) {
    REQUIRE(bytes == 2368);
    const auto [q, p] = cd::unpackPq16(sector + 2352);
    if (q != album.image->layout().q(lba) || p != album.image->layout().p(lba)) ++badQ;
  };
  r.writer.setRequestedSectorType(RawCdSectorType::PqOnly);
  r.writer.setUseStreamingWrite12(true);
  r.writer.setBufferUnderrunFreeDisabled(true);
  r.writer.setTestWrite(true);
  r.writer.prepareMedia();
  r.writer.writeMedia(*album.image);
  CHECK(badQ == 0);
  CHECK(r.sink.blockType == 1);
  CHECK_FALSE(r.sink.bufe);
  CHECK(r.sink.testWrite);
  CHECK(std::count(r.sink.log.begin(), r.sink.log.end(), scsi::op::kWrite12) > 0);
  CHECK(std::count(r.sink.log.begin(), r.sink.log.end(), scsi::op::kWrite10) == 0);
  CHECK(r.rig.medium().state().tracks.empty());  // Test Write: the drive decoded, paced and stored nothing
  CHECK(r.writer.mediaPhysicallyBlank());
}

TEST_CASE("raw cd: stream checks before anything is written") {
  RawRig r;
  r.writer.prepareMedia();
  Album album;
  CHECK(codeOf([&] { r.writer.writeMedia2(*album.image, -11000); }) == HResult::E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT);
  CHECK(codeOf([&] { r.writer.writeMedia2(*album.image, 0); }) == HResult::E_INVALIDARG);
  PatternStream partial(2448ull * 20000 + 1);
  CHECK(codeOf([&] { r.writer.writeMedia(partial); }) == HResult::E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED);
  PatternStream tooShort(2448ull * 100);  // ends before the lead-in start
  CHECK(codeOf([&] { r.writer.writeMedia(tooShort); }) == HResult::E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED);
  Album pq(RawCdSectorType::PqOnly);  // 2368-byte sectors while Raw (2448) is requested
  CHECK(codeOf([&] { r.writer.writeMedia(*pq.image); }) == HResult::E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED);
  // Longer than the medium: the exact lead-out of an image…
  PatternStream longTrack(359'900ull * 2352);
  RawImageCreator big;
  big.addTrack(CdSectorType::Audio, longTrack);
  auto bigImage = big.createResultImage();
  CHECK(codeOf([&] { r.writer.writeMedia(*bigImage); }) == HResult::E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE);
  // …or, for any other stream, its end minus a 6750-sector lead-out.
  PatternStream longRaw(2448ull * (22500 + 150 + 359'900 + 6750));
  CHECK(codeOf([&] { r.writer.writeMedia(longRaw); }) == HResult::E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE);
  CHECK(r.sink.sectors == 0);
  CHECK_FALSE(r.writer.writeInProgress());
}

TEST_CASE("raw cd: a plain stream starting before the lead-in is read and dropped up to the lead-in start") {
  RawRig r;
  r.writer.prepareMedia();
  const std::int32_t start = -11700, total = 11700 + 300 + 6750;  // 66 sectors before the lead-in start
  PatternStream data(2448ull * static_cast<std::uint64_t>(total));
  std::int64_t bad = 0;
  r.sink.onSector = [&](std::int32_t lba, const std::uint8_t* sector, std::size_t) {
    const std::uint64_t off = std::uint64_t(lba - start) * 2448;  // byte offset of this sector in the stream
    for (std::size_t i = 0; i < 2448; i += 251)
      if (sector[i] != static_cast<std::uint8_t>(((off + i) * 7 + 3) & 0xFF)) ++bad;
  };
  r.writer.writeMedia2(data, start);
  CHECK(bad == 0);
  CHECK(r.sink.writeLbas.front() == -11634);
  CHECK(r.sink.sectors == total - 66);
}

TEST_CASE("raw cd: requested data block type is checked against the drive") {
  SECTION("feature 002Eh without R-W: only PQ") {
    RawRig r;
    r.sink.clearRw = true;
    CHECK(r.writer.supportedSectorTypes() == std::vector<RawCdSectorType>{RawCdSectorType::PqOnly});
    r.writer.prepareMedia();
    Album album;
    CHECK(codeOf([&] { r.writer.writeMedia(*album.image); }) == HResult::E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED);
    CHECK(r.sink.sectors == 0);
  }
  SECTION("MODE SELECT rejects the block type (5/26/00)") {
    RawRig r;
    r.sink.rejectBlockType = 2;
    r.writer.setRequestedSectorType(RawCdSectorType::Cooked);
    r.writer.prepareMedia();
    Album album(RawCdSectorType::Cooked);
    CHECK(codeOf([&] { r.writer.writeMedia(*album.image); }) == HResult::E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED);
    CHECK(r.sink.sectors == 0);
    CHECK_FALSE(r.writer.mediaIndeterminate());
  }
  RawCdWriter w;
  CHECK(codeOf([&] { w.setRequestedSectorType(static_cast<RawCdSectorType>(4)); }) == HResult::E_INVALIDARG);
}

TEST_CASE("raw cd: cancel from the Preparing event stops before any sector; the disc stays blank") {
  RawRig r;
  r.onEvent = [](RawCdWriter& w, const RawCdProgress& p) {
    if (p.currentAction == RawCdWriteAction::Preparing) CHECK(w.cancelWrite() == HResult::S_OK);
  };
  r.writer.prepareMedia();
  Album album;
  CHECK(codeOf([&] { r.writer.writeMedia(*album.image); }) == HResult::E_IMAPI_REQUEST_CANCELLED);
  CHECK(r.sink.sectors == 0);
  CHECK_FALSE(r.writer.mediaIndeterminate());
  CHECK(r.writer.mediaPhysicallyBlank());
  r.writer.releaseMedia();
}

TEST_CASE("raw cd: cancel while writing stops the write and leaves the disc indeterminate") {
  RawRig r;
  std::vector<HResult> answers;
  r.onEvent = [&answers](RawCdWriter& w, const RawCdProgress& p) {
    if (p.currentAction == RawCdWriteAction::Writing && answers.empty()) answers.push_back(w.cancelWrite());
  };
  r.writer.prepareMedia();
  Album album;
  Error caught(HResult::S_OK);
  try {
    r.writer.writeMedia(*album.image);
  } catch (const Error& e) {
    caught = e;
  }
  CHECK(caught.code() == HResult::E_IMAPI_REQUEST_CANCELLED);
  CHECK(answers == std::vector<HResult>{HResult::S_OK});
  // Asked at the engine's "before" event: the engine said "not begun" and the writer asked again at the next event.
  CHECK(r.sink.sectors > 0);
  CHECK(r.sink.sectors < 19094);
  CHECK(r.sink.sectors <= 2 * 150 + 26);
  CHECK(r.writer.mediaIndeterminate());
  CHECK(r.writer.indeterminateReason().find("indeterminate") != std::string::npos);
  CHECK(r.writer.indeterminateReason().find("CD-R cannot be reused") != std::string::npos);
  CHECK(caught.detail() == r.writer.indeterminateReason());
  CHECK_FALSE(r.writer.writeInProgress());
  CHECK(r.writer.cancelWrite() == HResult::E_IMAPI_DF2RAW_WRITE_NOT_IN_PROGRESS);
  CHECK(r.sink.log.back() != scsi::op::kWrite10);  // the drive was flushed after the last WRITE
  // The drive agrees: an incomplete disc (disc status 01b, last session incomplete), not blank, not writable.
  const mmc::DiscInformation info = r.recorder.discInformation();
  CHECK(info.discStatus == mmc::DiscInformation::Status::Appendable);
  CHECK(info.lastSessionState == mmc::DiscInformation::SessionState::Incomplete);
  CHECK(r.rig.medium().state().incomplete);
  CHECK_FALSE(r.writer.mediaPhysicallyBlank());
  r.writer.releaseMedia();
  CHECK(codeOf([&] { r.writer.eraseMedia(false); }) == HResult::E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE);
}

TEST_CASE("raw cd: after a cancelled write a CD-RW is offered and accepts eraseMedia") {
  RawRig r(vdrive::MediaKind::CdRw80);
  r.onEvent = [](RawCdWriter& w, const RawCdProgress& p) {
    if (p.currentAction == RawCdWriteAction::Writing && p.lastWrittenLba > p.startLba) w.cancelWrite();
  };
  r.writer.prepareMedia();
  Album album;
  CHECK(codeOf([&] { r.writer.writeMedia(*album.image); }) == HResult::E_IMAPI_REQUEST_CANCELLED);
  REQUIRE(r.writer.mediaIndeterminate());
  CHECK(r.writer.indeterminateReason().find("erase the CD-RW") != std::string::npos);
  r.writer.releaseMedia();
  r.sink.log.clear();
  CHECK(r.rig.medium().state().incomplete);
  CHECK_FALSE(r.writer.mediaPhysicallyBlank());
  r.writer.eraseMedia(false);
  CHECK(std::count(r.sink.log.begin(), r.sink.log.end(), scsi::op::kBlank) == 1);
  CHECK_FALSE(r.rig.medium().state().incomplete);
  CHECK(r.writer.mediaPhysicallyBlank());
  CHECK_FALSE(r.writer.mediaIndeterminate());
  CHECK(r.writer.indeterminateReason().empty());
  r.writer.prepareMedia();  // blank again
  r.writer.releaseMedia();
}

TEST_CASE("raw cd: write speeds") {
  RawRig r;
  const std::vector<std::int32_t> speeds = r.writer.supportedWriteSpeeds();
  REQUIRE_FALSE(speeds.empty());
  CHECK(std::is_sorted(speeds.rbegin(), speeds.rend()));
  CHECK(r.writer.setWriteSpeed(speeds.back(), false) == HResult::S_OK);
  CHECK(r.writer.requestedWriteSpeed() == speeds.back());
  CHECK(r.writer.setWriteSpeed(speeds.back() + 1, false) == HResult::S_IMAPI_SPEEDADJUSTED);
  CHECK(r.writer.setWriteSpeed(0, false) == HResult::S_OK);
  CHECK(r.writer.requestedWriteSpeed() == -1);
  CHECK(r.writer.currentWriteSpeed() == speeds.front());
}
