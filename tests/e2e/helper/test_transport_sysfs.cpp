// Listing SG_IO drives from a fake sysfs tree (native-helper/transport/device_list.h): only peripheral type 5
// (CD/DVD), vendor/model/rev trimmed, the sr node found, sorted by sg number.
#include <catch2/catch.hpp>

#include <fstream>

#include "native-helper/transport/device_list.h"
#include "temp_dir.h"

using namespace kiln;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file) << text;
}

/// class/scsi_generic/sgN/device/{type,vendor,model,rev} and optionally device/block/SR.
void addSg(const fs::path& sys, int n, const std::string& type, const std::string& vendor, const std::string& model,
           const std::string& sr = "") {
  const fs::path dev = sys / "class" / "scsi_generic" / ("sg" + std::to_string(n)) / "device";
  write(dev / "type", type + "\n");
  write(dev / "vendor", vendor + "\n");
  write(dev / "model", model + "\n");
  write(dev / "rev", "1.02\n");
  if (!sr.empty()) fs::create_directories(dev / "block" / sr);
}

}  // namespace

TEST_CASE("sysfs: only CD/DVD devices are listed, sorted, with trimmed INQUIRY strings") {
  test::TempDir t;
  const fs::path sys = t.path() / "sys";
  addSg(sys, 10, "5", "PIONEER ", "BD-RW   BDR-XD07 ", "sr1");
  addSg(sys, 0, "0", "ATA     ", "Samsung SSD     ");  // a disk: not a drive for kiln
  addSg(sys, 2, "5", "KILN    ", "Virtual CD-RW   ", "sr0");
  const auto drives = transport::listSgDrives(sys, "/dev");
  REQUIRE(drives.size() == 2);
  CHECK(drives[0].drive == "sg:/dev/sg2");
  CHECK(drives[0].kind == "sg");
  CHECK(drives[0].vendor == "KILN");
  CHECK(drives[0].product == "Virtual CD-RW");
  CHECK_THAT(drives[0].detail, Catch::Contains("/dev/sr0") && Catch::Contains("rev 1.02"));
  CHECK(drives[1].drive == "sg:/dev/sg10");
  CHECK(drives[1].product == "BD-RW   BDR-XD07");
}

TEST_CASE("sysfs: a drive without an sr node is still listed; a missing tree is empty") {
  test::TempDir t;
  addSg(t.path(), 3, "5", "HL-DT-ST", "DVDRAM GP57EB40");
  const auto drives = transport::listSgDrives(t.path(), "/dev");
  REQUIRE(drives.size() == 1);
  CHECK(drives[0].drive == "sg:/dev/sg3");
  CHECK(drives[0].detail == "rev 1.02");
  CHECK(transport::listSgDrives(t.path() / "nothing", "/dev").empty());
}
