#include <catch2/catch.hpp>

#include <vector>

#include "core/imapi/error.h"
#include "core/scsi/cdb.h"
#include "core/scsi/sense.h"
#include "core/scsi/sense_map.h"

using namespace kiln;
using namespace kiln::scsi;

namespace {

// 18-byte fixed-format sense as MMC drives return it (SPC-4 §4.5.3).
std::vector<std::uint8_t> fixedSense(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq) {
  std::vector<std::uint8_t> s(18, 0);
  s[0] = 0x70;
  s[2] = key;
  s[7] = 10;
  s[12] = asc;
  s[13] = ascq;
  return s;
}

SenseData sense(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq) {
  SenseData s;
  s.valid = true;
  s.key = key;
  s.asc = asc;
  s.ascq = ascq;
  return s;
}

}  // namespace

TEST_CASE("fixed-format sense: key, ASC/ASCQ, information and progress", "[sense]") {
  auto bytes = fixedSense(0x02, 0x04, 0x07);
  bytes[0] = 0xF0;  // VALID + 70h
  bytes[2] = 0x22;  // ILI-style high bits must be masked off the key
  bytes[3] = 0xFF, bytes[4] = 0xFF, bytes[5] = 0xFF, bytes[6] = 0x6A;
  bytes[15] = 0x80, bytes[16] = 0x80, bytes[17] = 0x00;
  const SenseData s = parseSense(bytes);
  CHECK(s.valid);
  CHECK(s.key == kNotReady);
  CHECK(s.asc == 0x04);
  CHECK(s.ascq == 0x07);
  CHECK(s.informationValid);
  CHECK(static_cast<std::int32_t>(s.information) == -150);
  CHECK(s.sksv);
  CHECK(s.progress == 0x8000);

  const SenseData deferred = parseSense(fixedSense(0x03, 0x0C, 0x09));
  CHECK(deferred.valid);
  CHECK_FALSE(deferred.informationValid);
  CHECK_FALSE(deferred.sksv);
  auto d71 = fixedSense(0x03, 0x0C, 0x09);
  d71[0] = 0x71;
  CHECK(parseSense(d71).key == kMediumError);
}

TEST_CASE("descriptor-format sense: information and sense-key-specific descriptors", "[sense]") {
  std::vector<std::uint8_t> b = {0x72, 0x02, 0x04, 0x04, 0, 0, 0, 20,
                                 // information descriptor (00h, 0Ah): VALID, 64-bit information = 0x1234
                                 0x00, 0x0A, 0x80, 0x00, 0, 0, 0, 0, 0, 0, 0x12, 0x34,
                                 // sense key specific (02h, 06h): SKSV, progress 0x4000
                                 0x02, 0x06, 0x00, 0x00, 0x80, 0x40, 0x00, 0x00};
  const SenseData s = parseSense(b);
  CHECK(s.valid);
  CHECK(s.key == kNotReady);
  CHECK(s.asc == 0x04);
  CHECK(s.ascq == 0x04);
  CHECK(s.informationValid);
  CHECK(s.information == 0x1234u);
  CHECK(s.sksv);
  CHECK(s.progress == 0x4000);

  // additional length cuts the descriptors off: nothing beyond it is read
  b[7] = 12;
  const SenseData cut = parseSense(b);
  CHECK(cut.informationValid);
  CHECK_FALSE(cut.sksv);
  CHECK(cut.progress == 0);
  // a descriptor that claims more bytes than there are is ignored
  std::vector<std::uint8_t> overlong = {0x72, 0x05, 0x24, 0x00, 0, 0, 0, 6, 0x02, 0x30, 0x00, 0x00, 0x80, 0x40};
  const SenseData o = parseSense(overlong);
  CHECK(o.valid);
  CHECK(o.asc == 0x24);
  CHECK_FALSE(o.sksv);
}

TEST_CASE("truncated and garbage sense never reads out of bounds", "[sense]") {
  CHECK_FALSE(parseSense({}).valid);
  const std::uint8_t two[] = {0x70, 0x00};
  CHECK_FALSE(parseSense(two).valid);
  const std::uint8_t garbage[] = {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  CHECK_FALSE(parseSense(garbage).valid);
  const std::uint8_t zeros[18] = {};
  CHECK_FALSE(parseSense(zeros).valid);

  // 13 bytes: ASC present, ASCQ and sense-key-specific bytes absent
  auto full = fixedSense(0x02, 0x3A, 0x01);
  const SenseData t = parseSense(std::span<const std::uint8_t>(full).first(13));
  CHECK(t.valid);
  CHECK(t.key == kNotReady);
  CHECK(t.asc == 0x3A);
  CHECK(t.ascq == 0);
  CHECK_FALSE(t.sksv);

  // additional sense length 0: only the first 8 bytes count, even if the buffer is longer
  full[7] = 0;
  const SenseData z = parseSense(full);
  CHECK(z.valid);
  CHECK(z.key == kNotReady);
  CHECK(z.asc == 0);

  // every prefix of real sense parses without crashing (ASan would flag an over-read)
  const auto real = fixedSense(0x05, 0x21, 0x02);
  for (std::size_t n = 0; n <= real.size(); ++n) (void)parseSense(std::span<const std::uint8_t>(real).first(n));
}

TEST_CASE("sense key names and ASC/ASCQ descriptions", "[sense]") {
  CHECK(senseKeyName(kIllegalRequest) == "ILLEGAL REQUEST");
  CHECK(senseKeyName(kUnitAttention) == "UNIT ATTENTION");
  CHECK(senseKeyName(0x0F) == "RESERVED");
  CHECK(describeSense(2, 0x3A, 0x00) == "MEDIUM NOT PRESENT");
  CHECK(describeSense(2, 0x04, 0x01) == "LOGICAL UNIT IS IN PROCESS OF BECOMING READY");
  CHECK(describeSense(5, 0x21, 0x02) == "INVALID ADDRESS FOR WRITE");
  CHECK(describeSense(3, 0x0C, 0x09) == "WRITE ERROR - LOSS OF STREAMING");
  CHECK(describeSense(5, 0x99, 0x42) == "ILLEGAL REQUEST, ASC 99h ASCQ 42h");
  CHECK(formatSense(sense(2, 0x3A, 0x00)) == "2/3A/00 MEDIUM NOT PRESENT");
  CHECK(formatSense(SenseData{}) == "no sense data");
}

TEST_CASE("sense → HRESULT table rows", "[sense][sense_map]") {
  using H = HResult;
  CHECK(senseToHResult(sense(2, 0x3A, 0x00)) == H::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
  CHECK(senseToHResult(sense(2, 0x3A, 0x02)) == H::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
  CHECK(senseToHResult(sense(2, 0x04, 0x01)) == H::E_IMAPI_RECORDER_MEDIA_BECOMING_READY);
  CHECK(senseToHResult(sense(2, 0x04, 0x04)) == H::E_IMAPI_RECORDER_MEDIA_FORMAT_IN_PROGRESS);
  CHECK(senseToHResult(sense(2, 0x04, 0x07)) == H::E_IMAPI_RECORDER_MEDIA_BUSY);
  CHECK(senseToHResult(sense(2, 0x04, 0x08)) == H::E_IMAPI_RECORDER_MEDIA_BUSY);
  CHECK(senseToHResult(sense(2, 0x04, 0x00)) == H::E_IMAPI_RECORDER_MEDIA_BECOMING_READY);
  CHECK(senseToHResult(sense(7, 0x27, 0x00)) == H::E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED);
  CHECK(senseToHResult(sense(7, 0x27, 0x05)) == H::E_IMAPI_RECORDER_MEDIA_WRITE_PROTECTED);
  CHECK(senseToHResult(sense(3, 0x0C, 0x09)) == H::E_IMAPI_LOSS_OF_STREAMING);
  CHECK(senseToHResult(sense(5, 0x26, 0x00)) == H::E_IMAPI_RECORDER_INVALID_MODE_PARAMETERS);
  CHECK(senseToHResult(sense(5, 0x26, 0x02)) == H::E_IMAPI_RECORDER_INVALID_MODE_PARAMETERS);
  CHECK(senseToHResult(sense(5, 0x30, 0x05)) == H::E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE);
  CHECK(senseToHResult(sense(2, 0x30, 0x00)) == H::E_IMAPI_RECORDER_MEDIA_INCOMPATIBLE);
  CHECK(senseToHResult(sense(3, 0x11, 0x05)) == H::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(sense(3, 0x0C, 0x00)) == H::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(sense(4, 0x44, 0x00)) == H::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(sense(6, 0x28, 0x00)) == H::E_IMAPI_RECORDER_MEDIA_BECOMING_READY);
  CHECK(senseToHResult(sense(6, 0x29, 0x01)) == H::E_IMAPI_RECORDER_MEDIA_BECOMING_READY);
  CHECK(senseToHResult(sense(5, 0x21, 0x02)) == H::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(sense(5, 0x21, 0x00)) == H::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(sense(5, 0x20, 0x00)) == H::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(sense(5, 0x24, 0x00)) == H::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(sense(0, 0x00, 0x00)) == H::S_IMAPI_COMMAND_HAS_SENSE_DATA);
  CHECK(senseToHResult(sense(1, 0x17, 0x01)) == H::S_IMAPI_COMMAND_HAS_SENSE_DATA);
  CHECK(senseToHResult(sense(0xB, 0x00, 0x00)) == H::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE);  // default
  CHECK(senseToHResult(SenseData{}) == H::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  CHECK(senseToHResult(parseSense(fixedSense(2, 0x3A, 0x00))) == H::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
}

TEST_CASE("the sense table is ordered: no row is hidden by an earlier, broader one", "[sense_map]") {
  const auto table = senseMapTable();
  for (std::size_t i = 0; i < table.size(); ++i)
    for (std::size_t j = 0; j < i; ++j) {
      const auto& broad = table[j];
      const auto& later = table[i];
      const bool covers = broad.key == later.key && (broad.asc == kAnySense || broad.asc == later.asc) &&
                          (broad.ascq == kAnySense || broad.ascq == later.ascq);
      INFO("row " << i << " is shadowed by row " << j);
      CHECK_FALSE(covers);
    }
}

TEST_CASE("senseError names the command and the sense", "[sense_map]") {
  const Error e = senseError(cdb::write10(100, 1), sense(2, 0x3A, 0x00));
  CHECK(e.code() == HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
  CHECK(e.detail() == "WRITE(10) failed: sense 2/3A/00 MEDIUM NOT PRESENT");
  CHECK(std::string(e.what()) == "E_IMAPI_RECORDER_MEDIA_NO_MEDIA (0xC0AA0202): WRITE(10) failed: sense 2/3A/00 "
                                 "MEDIUM NOT PRESENT");

  SenseData withLba = sense(5, 0x21, 0x02);
  withLba.informationValid = true;
  withLba.information = static_cast<std::uint32_t>(-150);
  const Error w = senseError(cdb::write10(-150, 1), withLba);
  CHECK(w.detail() == "WRITE(10) failed: sense 5/21/02 INVALID ADDRESS FOR WRITE at LBA -150");

  // a "successful" sense still yields a failure code, since the caller treats the command as failed
  const Error r = senseError(cdb::synchronizeCache(false), sense(1, 0x17, 0x00));
  CHECK(failed(r.code()));
  Cdb vendor;
  vendor.bytes[0] = 0xE7;
  vendor.length = 10;
  CHECK(senseError(vendor, sense(5, 0x20, 0x00)).detail() ==
        "opcode E7h failed: sense 5/20/00 INVALID COMMAND OPERATION CODE");
  const Error none = senseError(cdb::testUnitReady(), SenseData{});
  CHECK(none.detail() == "TEST UNIT READY failed: CHECK CONDITION without sense data");
}
