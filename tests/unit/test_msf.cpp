#include <catch2/catch.hpp>

#include "core/cd/msf.h"

using namespace kiln::cd;

TEST_CASE("MSF and LBA convert per MMC-6 including the lead-in area", "[msf]") {
  CHECK(msfToLba({0, 2, 0}) == 0);
  CHECK(msfToLba({0, 0, 0}) == -150);
  CHECK(msfToLba({95, 0, 0}) == -22650);   // IMAPI raw image origin
  CHECK(msfToLba({97, 15, 35}) == -12490); // ATIP lead-in example
  CHECK(msfToLba({79, 59, 74}) == 359849);
  CHECK(msfToLba({88, 29, 74}) == 398099);
  for (std::int32_t lba : {-45150, -22650, -12490, -151, -150, -1, 0, 1, 299, 359849, 404849})
    CHECK(msfToLba(lbaToMsf(lba)) == lba);
  CHECK(lbaToMsf(-150) == Msf{0, 0, 0});
  CHECK(lbaToMsf(-11635) == Msf{97, 26, 65});
  CHECK(formatMsf(sectorsToMsf(300)) == "00:04:00");
}

TEST_CASE("BCD round-trips 0..99", "[msf]") {
  CHECK(toBcd(59) == 0x59);
  CHECK(fromBcd(0x74) == 74);
  for (int v = 0; v < 100; ++v) CHECK(fromBcd(toBcd(static_cast<std::uint8_t>(v))) == v);
}
