// `--drive` texts for real drives: sg:PATH, usb:VID:PID, usb:BUS-PORT (native-helper/drive/drive_spec.h,
// native-helper/transport/usb_selector.h).
#include <catch2/catch.hpp>

#include "core/imapi/error.h"
#include "native-helper/drive/drive_spec.h"
#include "native-helper/transport/usb_selector.h"

using namespace kiln;

namespace {
HResult parseCode(const std::string& text) {
  try {
    drive::parseDriveSpec(text);
  } catch (const Error& e) {
    return e.code();
  }
  return HResult::S_OK;
}
}  // namespace

TEST_CASE("drive spec: sg: names a SCSI generic or sr node") {
  const drive::DriveSpec sg = drive::parseDriveSpec("sg:/dev/sg0");
  CHECK(sg.kind == drive::DriveKind::SgIo);
  CHECK(sg.devicePath == "/dev/sg0");
  CHECK(sg.text == "sg:/dev/sg0");
  CHECK(drive::parseDriveSpec("sg:/dev/sr1").devicePath == "/dev/sr1");
  CHECK(parseCode("sg:") == HResult::E_INVALIDARG);
}

TEST_CASE("drive spec: usb:VID:PID is hex and shown normalised") {
  const drive::DriveSpec u = drive::parseDriveSpec("usb:1209:1");
  CHECK(u.kind == drive::DriveKind::Usb);
  CHECK(u.usb.byIds);
  CHECK(u.usb.vendorId == 0x1209);
  CHECK(u.usb.productId == 0x0001);
  CHECK(u.text == "usb:1209:0001");
  CHECK(drive::parseDriveSpec("usb:0BDA:AbCd").usb.productId == 0xABCD);
}

TEST_CASE("drive spec: usb:BUS-PORT[.PORT] is the sysfs place of the device") {
  const drive::DriveSpec u = drive::parseDriveSpec("usb:3-2.4.1");
  CHECK_FALSE(u.usb.byIds);
  CHECK(u.usb.bus == 3);
  CHECK(u.usb.ports == std::vector<std::uint8_t>{2, 4, 1});
  CHECK(u.text == "usb:3-2.4.1");
  CHECK(drive::parseDriveSpec("usb:1-1").usb.ports == std::vector<std::uint8_t>{1});
}

TEST_CASE("drive spec: malformed usb: texts are E_INVALIDARG") {
  for (const char* bad : {"usb:", "usb:1209", "usb:12345:0001", "usb:1209:", "usb:zz:0001", "usb:1209:00001",
                          "usb:1-", "usb:1-2.", "usb:0-1", "usb:1-0", "usb:256-1", "usb:1-1.2.3.4.5.6.7.8", "usb:-1"}) {
    INFO(bad);
    CHECK(parseCode(bad) == HResult::E_INVALIDARG);
  }
}

TEST_CASE("drive spec: the error for an unknown drive names every accepted form") {
  try {
    drive::parseDriveSpec("/dev/sr0");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == HResult::E_INVALIDARG);
    CHECK_THAT(e.detail(), Catch::Contains("sg:/dev/sgN") && Catch::Contains("usb:VID:PID") &&
                               Catch::Contains("usb:BUS-PORT") && Catch::Contains("virtual:DIR"));
  }
}
