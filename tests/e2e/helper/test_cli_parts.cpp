#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/imapi/error.h"
#include "native-helper/cli/burn_plan.h"
#include "native-helper/drive/drive_spec.h"
#include "native-helper/drive/faults.h"
#include "native-helper/ui/json_reporter.h"
#include "native-helper/ui/progress_bar.h"
#include "native-helper/ui/text_reporter.h"

using namespace kiln;

static HResult codeOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return HResult::S_OK;
}

TEST_CASE("trackSectors pads to whole sectors and to 300 sectors", "[plan]") {
  CHECK(cli::trackSectors(0) == 300);
  CHECK(cli::trackSectors(1) == 300);
  CHECK(cli::trackSectors(2352 * 300) == 300);
  CHECK(cli::trackSectors(2352 * 301) == 301);
  CHECK(cli::trackSectors(2352 * 301 + 4) == 302);
}

TEST_CASE("albumSectors adds a 150-sector pause before every track but the first", "[plan]") {
  std::vector<ui::PlannedTrack> t(3);
  t[0].sectors = 1000;
  t[1].sectors = 300;
  t[2].sectors = 500;
  CHECK(cli::albumSectors(t) == 1800 + 300);
  CHECK(cli::albumSectors({}) == 0);
}

TEST_CASE("planTracks refuses an empty list and more than 99 files before opening any", "[plan]") {
  CHECK(codeOf([] { cli::planTracks({}); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([] { cli::planTracks(std::vector<std::string>(100, "x.wav")); }) ==
        HResult::E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED);
  CHECK(codeOf([] { cli::planTracks({"/nonexistent/a.wav"}); }) == HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND);
}

TEST_CASE("Drive specs: virtual:DIR, virtual, and errors", "[drive]") {
  const drive::DriveSpec s = drive::parseDriveSpec("virtual:/tmp/x/../y");
  CHECK(s.virtualDir == "/tmp/y");
  CHECK(s.text == "virtual:/tmp/y");
  ::setenv("XDG_DATA_HOME", "/data", 1);
  CHECK(drive::parseDriveSpec("virtual").virtualDir == "/data/kiln/virtual-drive");
  CHECK(codeOf([] { drive::parseDriveSpec("/dev/sr0"); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([] { drive::parseDriveSpec("virtual:"); }) == HResult::E_INVALIDARG);
  CHECK(drive::parseMediaKind("cdr74") == drive::MediaKind::CdR74);
  CHECK(drive::mediaKindName(drive::parseMediaKind("cdrw80")) == "cdrw80");
  CHECK(codeOf([] { drive::parseMediaKind("dvd"); }) == HResult::E_INVALIDARG);
}

TEST_CASE("Fault specs arm the injector or fail with E_INVALIDARG", "[drive]") {
  vdrive::FaultInjector faults;
  FakeClock clock;
  drive::armFault(faults, clock, "not-ready-ms=2000");
  CHECK(faults.consumeNotReady(1999));
  CHECK_FALSE(faults.consumeNotReady(2000));
  drive::armFault(faults, clock, "write-error-lba=42");
  CHECK(faults.consumeWriteError(40, 5) == std::optional<std::int32_t>(42));
  CHECK(codeOf([&] { drive::armFault(faults, clock, "not-ready-ms=abc"); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([&] { drive::armFault(faults, clock, "explode"); }) == HResult::E_INVALIDARG);
}

TEST_CASE("ProgressBar renders fill and percentage", "[ui]") {
  CHECK(ui::ProgressBar::render(0.0, 10) == "[----------]   0%");
  CHECK(ui::ProgressBar::render(0.55, 10) == "[#####-----]  55%");
  CHECK(ui::ProgressBar::render(2.0, 4) == "[####] 100%");
  CHECK(ui::formatDuration(75 * 61 + 3) == "01:01.03");
}

TEST_CASE("JSON reporter writes one parseable object per line with IMAPI names", "[ui]") {
  char* buf = nullptr;
  std::size_t len = 0;
  std::FILE* mem = open_memstream(&buf, &len);
  {
    ui::JsonReporter r(mem);
    formats::TaoProgress p;
    p.currentAction = formats::TaoWriteAction::Writing;
    p.currentTrackNumber = 2;
    p.lastWrittenLba = 99;
    r.progress(2, p);
    r.error(Error(HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE, "too long"));
  }
  std::fclose(mem);
  std::string text(buf, len);
  std::free(buf);
  const auto nl = text.find('\n');
  REQUIRE(nl != std::string::npos);
  const auto a = nlohmann::json::parse(text.substr(0, nl));
  const auto b = nlohmann::json::parse(text.substr(nl + 1));
  CHECK(a["event"] == "progress");
  CHECK(a["CurrentAction"] == "IMAPI_FORMAT2_TAO_WRITE_ACTION_WRITING");
  CHECK(a["CurrentTrackNumber"] == 2);
  CHECK(a["LastWrittenLba"] == 99);
  CHECK(b["event"] == "error");
  CHECK(b["name"] == "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE");
  CHECK(b["hresult"] == "0xC0AA0509");
}
