#include "core/scsi/sense.h"

#include <algorithm>
#include <cstdio>

#include "core/scsi/bytes.h"

namespace kiln::scsi {
namespace {

struct AscText {
  std::uint8_t asc;
  std::uint8_t ascq;
  std::string_view text;
};

// SPC-4 Annex D and MMC-6 Annex F: the pairs CD recorders report while identifying, writing and closing.
constexpr AscText kAscTexts[] = {
    {0x00, 0x00, "NO ADDITIONAL SENSE INFORMATION"},
    {0x00, 0x16, "OPERATION IN PROGRESS"},
    {0x04, 0x00, "LOGICAL UNIT NOT READY, CAUSE NOT REPORTABLE"},
    {0x04, 0x01, "LOGICAL UNIT IS IN PROCESS OF BECOMING READY"},
    {0x04, 0x02, "LOGICAL UNIT NOT READY, INITIALIZING COMMAND REQUIRED"},
    {0x04, 0x03, "LOGICAL UNIT NOT READY, MANUAL INTERVENTION REQUIRED"},
    {0x04, 0x04, "LOGICAL UNIT NOT READY, FORMAT IN PROGRESS"},
    {0x04, 0x07, "LOGICAL UNIT NOT READY, OPERATION IN PROGRESS"},
    {0x04, 0x08, "LOGICAL UNIT NOT READY, LONG WRITE IN PROGRESS"},
    {0x0C, 0x00, "WRITE ERROR"},
    {0x0C, 0x07, "WRITE ERROR - RECOVERY NEEDED"},
    {0x0C, 0x08, "WRITE ERROR - RECOVERY FAILED"},
    {0x0C, 0x09, "WRITE ERROR - LOSS OF STREAMING"},
    {0x0C, 0x0A, "WRITE ERROR - PADDING BLOCKS ADDED"},
    {0x11, 0x00, "UNRECOVERED READ ERROR"},
    {0x11, 0x05, "L-EC UNCORRECTABLE ERROR"},
    {0x11, 0x06, "CIRC UNRECOVERED ERROR"},
    {0x15, 0x00, "RANDOM POSITIONING ERROR"},
    {0x1A, 0x00, "PARAMETER LIST LENGTH ERROR"},
    {0x20, 0x00, "INVALID COMMAND OPERATION CODE"},
    {0x21, 0x00, "LOGICAL BLOCK ADDRESS OUT OF RANGE"},
    {0x21, 0x02, "INVALID ADDRESS FOR WRITE"},
    {0x24, 0x00, "INVALID FIELD IN CDB"},
    {0x25, 0x00, "LOGICAL UNIT NOT SUPPORTED"},
    {0x26, 0x00, "INVALID FIELD IN PARAMETER LIST"},
    {0x26, 0x01, "PARAMETER NOT SUPPORTED"},
    {0x26, 0x02, "PARAMETER VALUE INVALID"},
    {0x27, 0x00, "WRITE PROTECTED"},
    {0x28, 0x00, "NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED"},
    {0x29, 0x00, "POWER ON, RESET, OR BUS DEVICE RESET OCCURRED"},
    {0x2A, 0x01, "MODE PARAMETERS CHANGED"},
    {0x2C, 0x00, "COMMAND SEQUENCE ERROR"},
    {0x30, 0x00, "INCOMPATIBLE MEDIUM INSTALLED"},
    {0x30, 0x01, "CANNOT READ MEDIUM - UNKNOWN FORMAT"},
    {0x30, 0x02, "CANNOT READ MEDIUM - INCOMPATIBLE FORMAT"},
    {0x30, 0x05, "CANNOT WRITE MEDIUM - INCOMPATIBLE FORMAT"},
    {0x30, 0x06, "CANNOT FORMAT MEDIUM - INCOMPATIBLE MEDIUM"},
    {0x31, 0x00, "MEDIUM FORMAT CORRUPTED"},
    {0x3A, 0x00, "MEDIUM NOT PRESENT"},
    {0x3A, 0x01, "MEDIUM NOT PRESENT - TRAY CLOSED"},
    {0x3A, 0x02, "MEDIUM NOT PRESENT - TRAY OPEN"},
    {0x3E, 0x00, "LOGICAL UNIT HAS NOT SELF-CONFIGURED YET"},
    {0x44, 0x00, "INTERNAL TARGET FAILURE"},
    {0x53, 0x02, "MEDIUM REMOVAL PREVENTED"},
    {0x57, 0x00, "UNABLE TO RECOVER TABLE-OF-CONTENTS"},
    {0x5A, 0x01, "OPERATOR MEDIUM REMOVAL REQUEST"},
    {0x63, 0x00, "END OF USER AREA ENCOUNTERED ON THIS TRACK"},
    {0x64, 0x00, "ILLEGAL MODE FOR THIS TRACK"},
    {0x64, 0x01, "INVALID PACKET SIZE"},
    {0x72, 0x00, "SESSION FIXATION ERROR"},
    {0x72, 0x03, "SESSION FIXATION ERROR - INCOMPLETE TRACK IN SESSION"},
    {0x72, 0x04, "EMPTY OR PARTIALLY WRITTEN RESERVED TRACK"},
    {0x72, 0x05, "NO MORE TRACK RESERVATIONS ALLOWED"},
    {0x73, 0x00, "CD CONTROL ERROR"},
    {0x73, 0x01, "POWER CALIBRATION AREA ALMOST FULL"},
    {0x73, 0x02, "POWER CALIBRATION AREA IS FULL"},
    {0x73, 0x03, "POWER CALIBRATION AREA ERROR"},
    {0x73, 0x04, "PROGRAM MEMORY AREA UPDATE FAILURE"},
    {0x73, 0x05, "PROGRAM MEMORY AREA IS FULL"},
};

constexpr std::string_view kKeyNames[16] = {
    "NO SENSE",        "RECOVERED ERROR", "NOT READY",    "MEDIUM ERROR", "HARDWARE ERROR", "ILLEGAL REQUEST",
    "UNIT ATTENTION",  "DATA PROTECT",    "BLANK CHECK",  "VENDOR SPECIFIC", "COPY ABORTED", "ABORTED COMMAND",
    "RESERVED",        "VOLUME OVERFLOW", "MISCOMPARE",   "RESERVED",
};

// Bytes the device actually returned: the buffer, cut at 8 + additional sense length (byte 7) when present.
std::span<const std::uint8_t> returnedBytes(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < 8) return bytes;
  return bytes.first(std::min<std::size_t>(bytes.size(), 8u + bytes[7]));
}

SenseData parseFixed(std::span<const std::uint8_t> b) {
  SenseData s;
  if (b.size() < 3) return s;
  s.valid = true;
  s.key = b[2] & 0x0F;
  if (b.size() >= 7) {
    s.informationValid = (b[0] & 0x80) != 0;
    s.information = getBe32(b, 3);
  }
  if (b.size() >= 13) s.asc = b[12];
  if (b.size() >= 14) s.ascq = b[13];
  if (b.size() >= 18) {
    s.sksv = (b[15] & 0x80) != 0;
    s.progress = getBe16(b, 16);
  }
  return s;
}

void parseDescriptor(std::span<const std::uint8_t> d, SenseData& s) {
  constexpr std::uint8_t kInformation = 0x00, kSenseKeySpecific = 0x02;
  if (d[0] == kInformation && d.size() >= 12) {
    s.informationValid = (d[2] & 0x80) != 0;
    s.information = getBe32(d, 8);  // low 32 bits of the 64-bit field keep a negative LBA's two's complement
  } else if (d[0] == kSenseKeySpecific && d.size() >= 7) {
    s.sksv = (d[4] & 0x80) != 0;
    s.progress = getBe16(d, 5);
  }
}

SenseData parseDescriptorFormat(std::span<const std::uint8_t> b) {
  SenseData s;
  if (b.size() < 2) return s;
  s.valid = true;
  s.key = b[1] & 0x0F;
  if (b.size() >= 3) s.asc = b[2];
  if (b.size() >= 4) s.ascq = b[3];
  for (std::size_t at = 8; at + 2 <= b.size();) {
    const std::size_t length = 2u + b[at + 1];
    if (at + length > b.size()) break;  // truncated descriptor: ignore, never read past the end
    parseDescriptor(b.subspan(at, length), s);
    at += length;
  }
  return s;
}

std::string hex2(unsigned v) {
  char buf[4];
  std::snprintf(buf, sizeof buf, "%02X", v & 0xFFu);
  return buf;
}

}  // namespace

SenseData parseSense(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return {};
  const auto b = returnedBytes(bytes);
  switch (bytes[0] & 0x7F) {
    case 0x70:
    case 0x71: return parseFixed(b);
    case 0x72:
    case 0x73: return parseDescriptorFormat(b);
    default: return {};
  }
}

std::string_view senseKeyName(std::uint8_t key) { return kKeyNames[key & 0x0F]; }

std::string describeSense(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq) {
  for (const auto& entry : kAscTexts)
    if (entry.asc == asc && entry.ascq == ascq) return std::string(entry.text);
  return std::string(senseKeyName(key)) + ", ASC " + hex2(asc) + "h ASCQ " + hex2(ascq) + "h";
}

std::string formatSense(const SenseData& sense) {
  if (!sense.valid) return "no sense data";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%X/%02X/%02X", sense.key & 0x0Fu, unsigned{sense.asc}, unsigned{sense.ascq});
  return std::string(buf) + " " + describeSense(sense.key, sense.asc, sense.ascq);
}

}  // namespace kiln::scsi
