// mmc::Recorder against the virtual drive: identification, features, mode pages, status, readiness polling.
#include <catch2/catch.hpp>

#include "rig.h"

using namespace kiln;
using namespace kiln::test;

TEST_CASE("Recorder: identification, profiles and CD features", "[integration][recorder]") {
  Rig rig;
  mmc::Recorder& r = rig.recorder;
  CHECK_FALSE(r.vendorId().empty());
  CHECK_FALSE(r.productId().empty());
  CHECK(r.productRevision() == "0.1");
  const auto profiles = r.supportedProfiles();
  CHECK(std::find(profiles.begin(), profiles.end(), mmc::profile::kCdR) != profiles.end());
  CHECK(std::find(profiles.begin(), profiles.end(), mmc::profile::kCdRw) != profiles.end());
  CHECK(r.currentProfile() == mmc::profile::kCdR);
  CHECK(r.currentProfiles() == std::vector<std::uint16_t>{mmc::profile::kCdR});
  const auto tao = r.cdTrackAtOnceFeature();
  CHECK(tao.present);
  CHECK(tao.current);
  CHECK(tao.bufferUnderrunFree);
  CHECK((tao.dataTypeSupported & 1) != 0);
  CHECK(r.cdMasteringFeature().present);
  const auto current = r.currentFeaturePages();
  CHECK(std::find(current.begin(), current.end(), mmc::feature::kCdTrackAtOnce) != current.end());
  CHECK(r.featurePage(mmc::feature::kCdTrackAtOnce, true).code == mmc::feature::kCdTrackAtOnce);
  CHECK(codeOf([&] { r.featurePage(0x0040, false); }) == HResult::E_IMAPI_RECORDER_NO_SUCH_FEATURE);
  CHECK(r.currentPhysicalMediaType() == mmc::MediaPhysicalType::CdR);
  Rig rw(vdrive::MediaKind::CdRw80);
  CHECK(rw.recorder.currentPhysicalMediaType() == mmc::MediaPhysicalType::CdRw);
  formats::TrackAtOnceWriter w;
  CHECK(w.isRecorderSupported(r));
  CHECK(w.isCurrentMediaSupported(r));
}

TEST_CASE("Recorder: capabilities, ATIP, disc and invisible track of a blank CD-R", "[integration][recorder]") {
  Rig rig;
  mmc::Recorder& r = rig.recorder;
  const mmc::Capabilities caps = r.capabilities();
  CHECK(caps.cdrWrite);
  CHECK(caps.bufferUnderrunFree);
  CHECK(caps.bufferSizeKiB == 2048);
  const mmc::Atip atip = r.atip();
  CHECK_FALSE(atip.discTypeRewritable);
  CHECK(atip.lastPossibleLeadOutLba == 359849);
  CHECK(atip.leadInStartLba < -150);
  const mmc::DiscInformation di = r.discInformation();
  CHECK(di.discStatus == mmc::DiscInformation::Status::Blank);
  CHECK(di.lastPossibleLeadOutStartLba == 359849);
  const mmc::TrackInformation t = r.invisibleTrack();
  CHECK(t.trackNumber == 1);
  CHECK(t.nwaValid);
  CHECK(t.nextWritableAddress == 0);
  CHECK(t.freeBlocks == 359849);
  const mmc::BufferCapacity b = r.bufferCapacity();
  CHECK(b.totalBytes == 2 * 1024 * 1024);
  CHECK(b.freeBytes == b.totalBytes);
  CHECK_FALSE(r.writeSpeedDescriptors().empty());
  CHECK(codeOf([&] { r.toc(); }) != HResult::S_OK);  // blank disc has no TOC
}

TEST_CASE("Recorder: page 05h read/modify/write round trip", "[integration][recorder]") {
  Rig rig;
  mmc::Recorder& r = rig.recorder;
  mmc::WriteParameters wp = r.writeParameters();
  wp.writeType = 1;
  wp.multiSession = 3;
  wp.testWrite = true;
  wp.bufferUnderrunFree = true;
  wp.audioPauseLength = 150;
  r.setWriteParameters(wp);
  const mmc::WriteParameters back = r.writeParameters();
  CHECK(back.writeType == 1);
  CHECK(back.multiSession == 3);
  CHECK(back.testWrite);
  CHECK(back.bufferUnderrunFree);
  CHECK(back.audioPauseLength == 150);
}

TEST_CASE("Recorder: waitUntilReady polls through 'becoming ready' with the clock", "[integration][recorder]") {
  Rig rig;
  rig.recorder.waitUntilReady(1000);  // consume the power-on unit attention, if any
  const double t0 = rig.clock.nowMs();
  SECTION("becomes ready after 3 s") {
    rig.faults.notReadyUntil(t0, 3000);
    rig.recorder.waitUntilReady(10'000);
    CHECK(rig.clock.nowMs() - t0 >= 3000);
    CHECK(rig.clock.nowMs() - t0 < 3500);
  }
  SECTION("never ready → bounded, the last sense's error") {
    rig.faults.notReadyUntil(t0, 1e9);
    CHECK(codeOf([&] { rig.recorder.waitUntilReady(5000); }) == HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY);
    CHECK(rig.clock.nowMs() - t0 >= 5000);
    CHECK(rig.clock.nowMs() - t0 < 5200);
  }
  SECTION("prepareMedia waits too") {
    rig.faults.notReadyForCommands(5);
    auto w = rig.writer();
    w->prepareMedia();
    CHECK(rig.clock.nowMs() > t0);
    w->releaseMedia();
  }
  SECTION("no medium → E_IMAPI_RECORDER_MEDIA_NO_MEDIA at once") {
    rig.device.openTray();
    CHECK(codeOf([&] { rig.recorder.waitUntilReady(10'000); }) == HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
    CHECK(rig.clock.nowMs() == t0);
    auto w = rig.writer();
    CHECK(codeOf([&] { w->prepareMedia(); }) == HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
  }
  SECTION("unit attention after a medium change is waited through") {
    rig.device.openTray();
    rig.device.closeTray();
    rig.recorder.waitUntilReady(1000);
    CHECK(rig.recorder.discInformation().discStatus == mmc::DiscInformation::Status::Blank);
  }
}

TEST_CASE("Recorder: waitUntilReady retries long-operation senses and stops on others", "[integration][recorder]") {
  Rig rig;
  rig.recorder.waitUntilReady(1000);
  int turs = 0;
  SECTION("2/04/07 and 2/04/08 (long write / operation in progress), 6/29 (reset) are waited through") {
    rig.tap.before = [&](const scsi::Command& c) -> std::optional<scsi::Result> {
      if (c.cdb.opcode() != scsi::op::kTestUnitReady) return std::nullopt;
      ++turs;
      if (turs == 1) return checkCondition(2, 0x04, 0x07);
      if (turs == 2) return checkCondition(2, 0x04, 0x08);
      if (turs == 3) return checkCondition(6, 0x29, 0x00);
      return std::nullopt;
    };
    rig.recorder.waitUntilReady(10'000);
    CHECK(turs == 4);
  }
  SECTION("still busy at the deadline → E_IMAPI_RECORDER_MEDIA_BUSY") {
    rig.tap.before = [&](const scsi::Command& c) -> std::optional<scsi::Result> {
      if (c.cdb.opcode() != scsi::op::kTestUnitReady) return std::nullopt;
      ++turs;
      return checkCondition(2, 0x04, 0x08);
    };
    CHECK(codeOf([&] { rig.recorder.waitUntilReady(2000); }) == HResult::E_IMAPI_RECORDER_MEDIA_BUSY);
    CHECK(turs > 2);
  }
  SECTION("unit attention forever → E_IMAPI_RECORDER_COMMAND_TIMEOUT") {
    rig.tap.before = [&](const scsi::Command& c) -> std::optional<scsi::Result> {
      if (c.cdb.opcode() != scsi::op::kTestUnitReady) return std::nullopt;
      return checkCondition(6, 0x28, 0x00);
    };
    CHECK(codeOf([&] { rig.recorder.waitUntilReady(2000); }) == HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT);
  }
  SECTION("a hardware error is not retried") {
    rig.tap.before = [&](const scsi::Command& c) -> std::optional<scsi::Result> {
      if (c.cdb.opcode() != scsi::op::kTestUnitReady) return std::nullopt;
      ++turs;
      return checkCondition(4, 0x08, 0x00);
    };
    CHECK(codeOf([&] { rig.recorder.waitUntilReady(10'000); }) != HResult::S_OK);
    CHECK(turs == 1);
  }
}

TEST_CASE("Recorder/TAO: media and drives TAO cannot use", "[integration][recorder][tao]") {
  Rig rig;
  SECTION("a CD-ROM (profile 0008h) → E_IMAPI_DF2TAO_MEDIA_IS_NOT_SUPPORTED") {
    rig.tap.after = [](const scsi::Command& c, scsi::Result& r) {
      if (c.cdb.opcode() == scsi::op::kGetConfiguration && r.transferred >= 8) c.data[7] = 0x08;
    };
    auto w = rig.writer();
    CHECK_FALSE(w->isCurrentMediaSupported(rig.recorder));
    CHECK(codeOf([&] { w->prepareMedia(); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_SUPPORTED);
    CHECK_FALSE(rig.device.context().preventRemoval);
    // A CD-ROM profile with a readable ATIP is a recordable disc reported as read-only: CD-R by the ATIP bit.
    CHECK(rig.recorder.currentPhysicalMediaType() == mmc::MediaPhysicalType::CdR);
  }
  SECTION("a drive without CD TAO or CD write → E_IMAPI_DF2TAO_RECORDER_NOT_SUPPORTED") {
    rig.tap.before = [](const scsi::Command& c) -> std::optional<scsi::Result> {
      if (c.cdb.opcode() == scsi::op::kGetConfiguration) return checkCondition(5, 0x20, 0x00);
      return std::nullopt;
    };
    rig.tap.after = [](const scsi::Command& c, scsi::Result& r) {
      if (c.cdb.opcode() == scsi::op::kModeSense10 && c.cdb.bytes[2] == 0x2A && r.transferred > 11) c.data[11] = 0;
    };
    formats::TrackAtOnceWriter w;
    CHECK_FALSE(w.isRecorderSupported(rig.recorder));
    CHECK(codeOf([&] { rig.recorder.configuration(); }) == HResult::E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED);
    w.setRecorder(&rig.recorder);
    w.setClientName("t");
    CHECK(codeOf([&] { w.prepareMedia(); }) == HResult::E_IMAPI_DF2TAO_RECORDER_NOT_SUPPORTED);
  }
  SECTION("a malformed reply → E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE") {
    rig.tap.after = [](const scsi::Command& c, scsi::Result& r) {
      if (c.cdb.opcode() == scsi::op::kReadDiscInformation) r.transferred = 10;
    };
    CHECK(codeOf([&] { rig.recorder.discInformation(); }) == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  }
}
