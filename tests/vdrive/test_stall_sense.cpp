// A data phase the device STALLs (fault stallDataPhase) leaves sense for the REQUEST SENSE that follows:
// ABORTED COMMAND 0B/4B/00 DATA PHASE ERROR, so hosts (Linux usb-storage, UsbBotTransport) see a CHECK CONDITION
// with sense instead of a bare transport failure (interop lab observation 6).
#include <catch2/catch.hpp>

#include "core/scsi/cdb.h"
#include "core/usb/usb_bot_transport.h"
#include "vdrive_test_util.h"

using namespace kiln;
using vtest::Bytes;

TEST_CASE("BOT: a stalled data phase reports ABORTED COMMAND 0B/4B/00 to REQUEST SENSE", "[vdrive][bot][faults]") {
  vtest::Rig rig;
  usb::UsbBotTransport transport(rig.drive.hostPipe());
  SECTION("data-OUT of a WRITE") {
    rig.drive.faults().stallDataPhase(0x2A, 1);
    Bytes data(2352 * 2, 0x11);
    scsi::Command w{scsi::cdb::write10(0, 2), scsi::DataDirection::Out, data};
    const auto r = transport.execute(w);
    CHECK(r.status == scsi::Status::CheckCondition);
    CHECK(r.sense.key == 0x0B);
    CHECK(r.sense.asc == 0x4B);
    CHECK(r.sense.ascq == 0x00);
    CHECK(rig.drive.mediumState().tracks.empty());  // the command did not run
  }
  SECTION("data-IN of an INQUIRY") {
    rig.drive.faults().stallDataPhase(0x12, 1);
    Bytes buf(36);
    scsi::Command inq{scsi::cdb::inquiry(36), scsi::DataDirection::In, buf};
    const auto r = transport.execute(inq);
    CHECK(r.status == scsi::Status::CheckCondition);
    CHECK(r.sense.key == 0x0B);
    CHECK(r.sense.asc == 0x4B);
  }
  // The next command is unaffected and clears the sense.
  scsi::Command tur{scsi::cdb::testUnitReady(), scsi::DataDirection::None, {}};
  CHECK(transport.execute(tur).good());
}
