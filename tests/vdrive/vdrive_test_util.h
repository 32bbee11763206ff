#pragma once
// Shared helpers for the virtual drive tests: a drive over a MemoryStore and FakeClock, CDB-level calls, and
// the TAO recipe (MODE SELECT page 05h → WRITE from the NWA → SYNCHRONIZE CACHE → CLOSE SESSION).
#include <catch2/catch.hpp>

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "core/scsi/bytes.h"
#include "core/util/clock.h"
#include "vdrive/memory_store.h"
#include "vdrive/virtual_drive.h"

namespace vtest {

using Bytes = std::vector<std::uint8_t>;
using kiln::vdrive::TargetResponse;

struct Answer {
  TargetResponse r;
  bool good() const { return r.status == kiln::scsi::Status::Good; }
  /// "5/24/00" style sense triple (empty for GOOD).
  std::string sense() const {
    if (good()) return "GOOD";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%X/%02X/%02X", r.senseKey, r.asc, r.ascq);
    return buf;
  }
  const Bytes& data() const { return r.dataIn; }
  std::uint32_t be32(std::size_t at) const { return kiln::scsi::getBe32(r.dataIn, at); }
  std::int32_t be32s(std::size_t at) const { return kiln::scsi::getBe32s(r.dataIn, at); }
  std::uint16_t be16(std::size_t at) const { return kiln::scsi::getBe16(r.dataIn, at); }
};

/// A drive at CDB level.
struct Rig {
  explicit Rig(kiln::vdrive::MediaKind kind = kiln::vdrive::MediaKind::CdR80, kiln::vdrive::DriveOptions o = {})
      : drive(store, kind, clock, o) {}
  kiln::vdrive::MemoryStore store;
  kiln::FakeClock clock;
  kiln::vdrive::VirtualDrive drive;

  Answer cmd(std::initializer_list<int> cdb, const Bytes& out = {}, std::uint32_t in = 0xFFFF) {
    Bytes c;
    for (int b : cdb) c.push_back(static_cast<std::uint8_t>(b));
    return Answer{drive.target().execute(c, out, in)};
  }
  Answer cmdBytes(const Bytes& cdb, const Bytes& out = {}, std::uint32_t in = 0xFFFF) {
    return Answer{drive.target().execute(cdb, out, in)};
  }

  /// MODE SELECT(10) of page 05h: write type, test write, BUFE, multi-session bits, block type, pause.
  Answer selectWriteParams(int writeType = 1, bool testWrite = false, int multi = 0, int blockType = 0,
                           bool bufe = false, int pause = 150) {
    Answer sense = cmd({0x5A, 0, 0x05, 0, 0, 0, 0, 0, 60, 0});
    Bytes list = sense.data();
    list[0] = list[1] = 0;
    Bytes& p = list;
    const std::size_t o = 8;
    p[o] &= 0x3F;  // clear PS
    p[o + 2] = static_cast<std::uint8_t>((bufe ? 0x40 : 0) | (testWrite ? 0x10 : 0) | writeType);
    p[o + 3] = static_cast<std::uint8_t>(multi << 6);
    p[o + 4] = static_cast<std::uint8_t>(blockType);
    p[o + 14] = static_cast<std::uint8_t>(pause >> 8);
    p[o + 15] = static_cast<std::uint8_t>(pause);
    return cmd({0x55, 0x10, 0, 0, 0, 0, 0, 0, static_cast<int>(list.size()), 0}, list);
  }

  /// One WRITE(10) of `count` sectors at `lba`, each sector filled with `fill` + its index.
  Answer write(std::int32_t lba, int count, std::uint8_t fill = 0x11) {
    Bytes data(static_cast<std::size_t>(count) * 2352);
    for (int i = 0; i < count; ++i)
      std::fill(data.begin() + i * 2352, data.begin() + (i + 1) * 2352, static_cast<std::uint8_t>(fill + i));
    Bytes c(10, 0);
    c[0] = 0x2A;
    kiln::scsi::putBe32s(c, 2, lba);
    kiln::scsi::putBe16(c, 7, static_cast<std::uint32_t>(count));
    return cmdBytes(c, data);
  }

  /// NWA of the invisible track (READ TRACK INFORMATION, track FFh).
  std::int32_t nwa() {
    Answer a = cmd({0x52, 0x01, 0, 0, 0, 0xFF, 0, 0, 36, 0});
    REQUIRE(a.good());
    REQUIRE((a.data()[7] & 1) == 1);
    return a.be32s(12);
  }
  /// Writes a whole track of `sectors` at the NWA in chunks of 27 and syncs.
  std::int32_t writeTrack(int sectors, std::uint8_t fill = 0x11) {
    const std::int32_t start = nwa();
    for (int done = 0; done < sectors;) {
      const int n = std::min(27, sectors - done);
      Answer w = write(start + done, n, static_cast<std::uint8_t>(fill + done));
      REQUIRE(w.sense() == "GOOD");
      done += n;
    }
    REQUIRE(cmd({0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
    return start;
  }
  Answer closeSession() { return cmd({0x5B, 0, 0x02, 0, 0, 0, 0, 0, 0, 0}); }
};

}  // namespace vtest
