#include "core/cd/subcode.h"

#include <cstring>

#include "core/cd/crc.h"
#include "core/imapi/error.h"

namespace kiln::cd {
namespace {

bool isBcd(std::uint8_t b) { return (b >> 4) <= 9 && (b & 0x0F) <= 9; }

void checkMsf(Msf m, const char* what) {
  if (m.m > 99 || m.s > 59 || m.f > 74) throw Error(HResult::E_INVALIDARG, std::string("Q ") + what + " MSF out of range");
}

std::uint8_t isrcCode(char c) {
  if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(c - '0');
  return static_cast<std::uint8_t>(0x11 + (c - 'A'));
}

char isrcChar(std::uint8_t code) {
  if (code <= 9) return static_cast<char>('0' + code);
  if (code >= 0x11 && code <= 0x2A) return static_cast<char>('A' + (code - 0x11));
  return '\0';
}

QBytes finish(QBytes q) {
  setQCrc(q);
  return q;
}

Msf bcdMsf(std::uint8_t m, std::uint8_t s, std::uint8_t f) { return Msf{fromBcd(m), fromBcd(s), fromBcd(f)}; }

std::optional<QFrame> decodeAdr1(const QBytes& q, std::uint8_t control) {
  for (int i = 3; i <= 9; ++i)
    if (i != 6 && !isBcd(q[i])) return std::nullopt;
  if (q[1] == 0) {
    return QToc{control, 1, q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9]};
  }
  if (q[1] != kLeadOutTrack && !isBcd(q[1])) return std::nullopt;
  if (!isBcd(q[2])) return std::nullopt;
  QPosition p;
  p.control = control;
  p.track = q[1] == kLeadOutTrack ? kLeadOutTrack : fromBcd(q[1]);
  p.index = fromBcd(q[2]);
  p.relative = bcdMsf(q[3], q[4], q[5]);
  p.absolute = bcdMsf(q[7], q[8], q[9]);
  return p;
}

std::optional<QFrame> decodeMcn(const QBytes& q, std::uint8_t control) {
  QMcn m;
  m.control = control;
  for (int i = 0; i < 13; ++i) {
    const std::uint8_t nib = (i % 2 == 0) ? (q[1 + i / 2] >> 4) : (q[1 + i / 2] & 0x0F);
    if (nib > 9) return std::nullopt;
    m.mcn.push_back(static_cast<char>('0' + nib));
  }
  if (!isBcd(q[9])) return std::nullopt;
  m.aframe = fromBcd(q[9]);
  return m;
}

std::optional<QFrame> decodeIsrc(const QBytes& q, std::uint8_t control) {
  // Bytes 1–4: five 6-bit codes then 2 zero bits; bytes 5–8: seven BCD digits then 4 zero bits.
  const std::uint32_t bits = (std::uint32_t(q[1]) << 24) | (std::uint32_t(q[2]) << 16) | (std::uint32_t(q[3]) << 8) | q[4];
  QIsrc r;
  r.control = control;
  for (int i = 0; i < 5; ++i) {
    const char c = isrcChar(static_cast<std::uint8_t>((bits >> (26 - 6 * i)) & 0x3F));
    if (c == '\0') return std::nullopt;
    r.isrc.push_back(c);
  }
  for (int i = 0; i < 7; ++i) {
    const std::uint8_t nib = (i % 2 == 0) ? (q[5 + i / 2] >> 4) : (q[5 + i / 2] & 0x0F);
    if (nib > 9) return std::nullopt;
    r.isrc.push_back(static_cast<char>('0' + nib));
  }
  if (!isBcd(q[9])) return std::nullopt;
  r.aframe = fromBcd(q[9]);
  return r;
}

}  // namespace

bool qCrcOk(const QBytes& q) {
  const std::uint16_t crc = crc16Subcode(q.data(), 10);
  return q[10] == (crc >> 8) && q[11] == (crc & 0xFF);
}

void setQCrc(QBytes& q) {
  const std::uint16_t crc = crc16Subcode(q.data(), 10);
  q[10] = static_cast<std::uint8_t>(crc >> 8);
  q[11] = static_cast<std::uint8_t>(crc & 0xFF);
}

bool isValidMcn(std::string_view mcn) {
  if (mcn.size() != 13) return false;
  for (char c : mcn)
    if (c < '0' || c > '9') return false;
  return true;
}

bool isValidIsrc(std::string_view isrc) {
  if (isrc.size() != 12) return false;
  for (std::size_t i = 0; i < 12; ++i) {
    const char c = isrc[i];
    const bool digit = c >= '0' && c <= '9';
    const bool upper = c >= 'A' && c <= 'Z';
    if (i < 5 ? !(digit || upper) : !digit) return false;
  }
  return true;
}

QBytes encodeQ(const QPosition& p) {
  if (p.control > 15 || p.index > 99 || (p.track != kLeadOutTrack && (p.track == 0 || p.track > 99)))
    throw Error(HResult::E_INVALIDARG, "Q position: control, track or index out of range");
  checkMsf(p.relative, "relative");
  checkMsf(p.absolute, "absolute");
  QBytes q{};
  q[0] = static_cast<std::uint8_t>(p.control << 4 | 1);
  q[1] = p.track == kLeadOutTrack ? kLeadOutTrack : toBcd(p.track);
  q[2] = toBcd(p.index);
  q[3] = toBcd(p.relative.m);
  q[4] = toBcd(p.relative.s);
  q[5] = toBcd(p.relative.f);
  q[7] = toBcd(p.absolute.m);
  q[8] = toBcd(p.absolute.s);
  q[9] = toBcd(p.absolute.f);
  return finish(q);
}

QBytes encodeQ(const QToc& t) {
  if (t.control > 15 || t.adr > 15) throw Error(HResult::E_INVALIDARG, "Q TOC entry: control or ADR out of range");
  return finish(QBytes{static_cast<std::uint8_t>(t.control << 4 | t.adr), 0, t.point, t.min, t.sec, t.frame, t.zero,
                       t.pmin, t.psec, t.pframe, 0, 0});
}

QBytes encodeQ(const QMcn& m) {
  if (!isValidMcn(m.mcn)) throw Error(HResult::E_IMAPI_DF2TAO_INVALID_MCN, "MCN must be 13 digits: '" + m.mcn + "'");
  if (m.control > 15 || m.aframe > 74) throw Error(HResult::E_INVALIDARG, "Q MCN: control or frame out of range");
  QBytes q{};
  q[0] = static_cast<std::uint8_t>(m.control << 4 | 2);
  for (int i = 0; i < 13; ++i) {
    const std::uint8_t d = static_cast<std::uint8_t>(m.mcn[i] - '0');
    q[1 + i / 2] |= (i % 2 == 0) ? static_cast<std::uint8_t>(d << 4) : d;
  }
  q[9] = toBcd(m.aframe);
  return finish(q);
}

QBytes encodeQ(const QIsrc& r) {
  if (!isValidIsrc(r.isrc)) throw Error(HResult::E_IMAPI_DF2TAO_INVALID_ISRC, "ISRC is not CCOOOYYNNNNN: '" + r.isrc + "'");
  if (r.control > 15 || r.aframe > 74) throw Error(HResult::E_INVALIDARG, "Q ISRC: control or frame out of range");
  QBytes q{};
  q[0] = static_cast<std::uint8_t>(r.control << 4 | 3);
  std::uint32_t bits = 0;
  for (int i = 0; i < 5; ++i) bits |= std::uint32_t(isrcCode(r.isrc[i])) << (26 - 6 * i);
  for (int i = 0; i < 4; ++i) q[1 + i] = static_cast<std::uint8_t>(bits >> (24 - 8 * i));
  for (int i = 0; i < 7; ++i) {
    const std::uint8_t d = static_cast<std::uint8_t>(r.isrc[5 + i] - '0');
    q[5 + i / 2] |= (i % 2 == 0) ? static_cast<std::uint8_t>(d << 4) : d;
  }
  q[9] = toBcd(r.aframe);
  return finish(q);
}

QBytes encodeQ(const QFrame& q) {
  return std::visit([](const auto& f) { return encodeQ(f); }, q);
}

std::optional<QFrame> decodeQ(const QBytes& q) {
  if (!qCrcOk(q)) return std::nullopt;
  const std::uint8_t control = q[0] >> 4;
  switch (q[0] & 0x0F) {
    case 1: return decodeAdr1(q, control);
    case 2: return decodeMcn(q, control);
    case 3: return decodeIsrc(q, control);
    case 5: return QToc{control, 5, q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9]};
    default: return std::nullopt;
  }
}

QToc tocTrack(std::uint8_t control, std::uint8_t track, std::int32_t startLba) {
  if (track == 0 || track > 99) throw Error(HResult::E_INVALIDARG, "TOC track number must be 1..99");
  const Msf m = lbaToMsf(startLba);
  QToc t;
  t.control = control;
  t.point = toBcd(track);
  t.pmin = toBcd(m.m);
  t.psec = toBcd(m.s);
  t.pframe = toBcd(m.f);
  return t;
}

QToc tocA0(std::uint8_t control, std::uint8_t firstTrack, std::uint8_t discType) {
  QToc t;
  t.control = control;
  t.point = 0xA0;
  t.pmin = toBcd(firstTrack);
  t.psec = discType;
  return t;
}

QToc tocA1(std::uint8_t control, std::uint8_t lastTrack) {
  QToc t;
  t.control = control;
  t.point = 0xA1;
  t.pmin = toBcd(lastTrack);
  return t;
}

QToc tocA2(std::uint8_t control, std::int32_t leadOutLba) {
  QToc t = tocTrack(control, 1, leadOutLba);
  t.point = 0xA2;
  return t;
}

QToc tocB0(std::int32_t nextProgramLba, std::uint8_t mode5Pointers, std::int32_t maxLeadOutLba) {
  const Msf next = lbaToMsf(nextProgramLba);
  QToc t = tocTrack(0, 1, maxLeadOutLba);
  t.adr = 5;
  t.point = 0xB0;
  t.min = toBcd(next.m);
  t.sec = toBcd(next.s);
  t.frame = toBcd(next.f);
  t.zero = toBcd(mode5Pointers);
  return t;
}

QToc tocC0(std::uint8_t atipPowerByte, std::int32_t firstLeadInLba) {
  QToc t = tocTrack(0, 1, firstLeadInLba);
  t.adr = 5;
  t.point = 0xC0;
  t.min = atipPowerByte;
  return t;
}

bool leadOutP(std::int32_t sectorsIntoLeadOut) {
  if (sectorsIntoLeadOut < 2 * kFramesPerSecond) return false;
  return ((sectorsIntoLeadOut % kFramesPerSecond) / 19) % 2 == 0;
}

void packPw96(const QBytes& q, bool p, const std::uint8_t* rw, std::uint8_t* out96) {
  const std::uint8_t pBit = p ? 0x80 : 0x00;
  for (int i = 0; i < 96; ++i) {
    const std::uint8_t qBit = static_cast<std::uint8_t>(((q[i >> 3] >> (7 - (i & 7))) & 1) << 6);
    out96[i] = static_cast<std::uint8_t>(pBit | qBit | (rw ? (rw[i] & 0x3F) : 0));
  }
}

PwParts unpackPw96(const std::uint8_t* in96) {
  PwParts r;
  int pCount = 0;
  for (int i = 0; i < 96; ++i) {
    pCount += in96[i] >> 7;
    r.q[i >> 3] |= static_cast<std::uint8_t>(((in96[i] >> 6) & 1) << (7 - (i & 7)));
    r.rw[i] = in96[i] & 0x3F;
  }
  r.p = pCount >= 48;
  return r;
}

std::array<std::uint8_t, 16> packPq16(const QBytes& q, bool p) {
  std::array<std::uint8_t, 16> out{};
  std::memcpy(out.data(), q.data(), 12);
  out[10] = static_cast<std::uint8_t>(~q[10]);
  out[11] = static_cast<std::uint8_t>(~q[11]);
  out[15] = p ? 0x80 : 0x00;
  return out;
}

std::pair<QBytes, bool> unpackPq16(const std::uint8_t* in16) {
  QBytes q{};
  std::memcpy(q.data(), in16, 12);
  q[10] = static_cast<std::uint8_t>(~q[10]);
  q[11] = static_cast<std::uint8_t>(~q[11]);
  return {q, (in16[15] & 0x80) != 0};
}

void pwToChannels(const std::uint8_t* in96, std::uint8_t* out96) {
  std::memset(out96, 0, 96);
  for (int ch = 0; ch < 8; ++ch)
    for (int i = 0; i < 96; ++i)
      out96[ch * 12 + i / 8] |= static_cast<std::uint8_t>(((in96[i] >> (7 - ch)) & 1) << (7 - (i % 8)));
}

void channelsToPw(const std::uint8_t* in96, std::uint8_t* out96) {
  std::memset(out96, 0, 96);
  for (int ch = 0; ch < 8; ++ch)
    for (int i = 0; i < 96; ++i)
      out96[i] |= static_cast<std::uint8_t>(((in96[ch * 12 + i / 8] >> (7 - (i % 8))) & 1) << (7 - ch));
}

}  // namespace kiln::cd
