#include <catch2/catch.hpp>

#include <array>
#include <cstring>
#include <random>
#include <vector>

#include "core/cd/crc.h"
#include "core/cd/sector.h"
#include "core/imapi/error.h"

using namespace kiln::cd;

namespace {

using Sector = std::array<std::uint8_t, kSectorBytes>;

Sector randomMode1(std::uint32_t seed, std::int32_t lba) {
  Sector s{};
  std::mt19937 rng(seed);
  for (std::size_t i = 16; i < 2064; ++i) s[i] = static_cast<std::uint8_t>(rng());
  encodeMode1(s.data(), sectorHeader(lba, 1));
  return s;
}

// ---- an independent reference: shift-and-add GF(2^8) arithmetic and RS long division (no tables) ----

std::uint8_t gfMul(std::uint8_t a, std::uint8_t b) {
  std::uint8_t r = 0;
  while (b) {
    if (b & 1) r ^= a;
    a = static_cast<std::uint8_t>((a << 1) ^ ((a & 0x80) ? 0x1D : 0));
    b >>= 1;
  }
  return r;
}

/// Systematic RS parity with generator g(x) = (x + 1)(x + α) = x² + (1+α)x + α: remainder of m(x)·x² mod g(x).
/// Code words with this parity have c(1) = c(α) = 0, the parity-check matrix of ECMA-130 Annex A.
std::array<std::uint8_t, 2> rsParity(const std::vector<std::uint8_t>& msg) {
  const std::uint8_t g1 = 3, g0 = 2;  // 1+α, α
  std::uint8_t r1 = 0, r0 = 0;        // remainder coefficients of x¹ and x⁰
  for (std::uint8_t m : msg) {
    const std::uint8_t f = static_cast<std::uint8_t>(m ^ r1);
    r1 = static_cast<std::uint8_t>(r0 ^ gfMul(f, g1));
    r0 = gfMul(f, g0);
  }
  return {r1, r0};
}

/// Word w of plane p (0 = LSB byte, 1 = MSB byte) of bytes 12.. (ECMA-130 Annex A numbering).
std::uint8_t& wordByte(Sector& s, std::size_t w, int p) { return s[12 + 2 * w + p]; }

Sector referenceEcc(Sector s) {
  for (int p = 0; p < 2; ++p)
    for (std::size_t np = 0; np < 43; ++np) {
      std::vector<std::uint8_t> msg;
      for (std::size_t mp = 0; mp < 24; ++mp) msg.push_back(wordByte(s, 43 * mp + np, p));
      const auto par = rsParity(msg);
      wordByte(s, 43 * 24 + np, p) = par[0];
      wordByte(s, 43 * 25 + np, p) = par[1];
    }
  for (int p = 0; p < 2; ++p)
    for (std::size_t nq = 0; nq < 26; ++nq) {
      std::vector<std::uint8_t> msg;
      for (std::size_t mq = 0; mq < 43; ++mq) msg.push_back(wordByte(s, (44 * mq + 43 * nq) % 1118, p));
      const auto par = rsParity(msg);
      wordByte(s, 1118 + nq, p) = par[0];
      wordByte(s, 1144 + nq, p) = par[1];
    }
  return s;
}

std::uint32_t bitwiseEdc(const std::uint8_t* d, std::size_t n) {
  // Reflected CRC-32 with P(x) = (x¹⁶+x¹⁵+x²+1)(x¹⁶+x²+x+1) = 0x8001801B, one bit at a time.
  std::uint32_t crc = 0;
  for (std::size_t i = 0; i < n; ++i) {
    crc ^= d[i];
    for (int b = 0; b < 8; ++b) crc = (crc & 1) ? (crc >> 1) ^ 0xD8018001u : crc >> 1;
  }
  return crc;
}

}  // namespace

TEST_CASE("EDC is CRC-32/CD-ROM-EDC (ECMA-130 14.3)", "[sector][crc]") {
  const char* check = "123456789";
  CHECK(edc32(reinterpret_cast<const std::uint8_t*>(check), 9) == 0x6EC2EDC4u);  // published check value
  std::vector<std::uint8_t> zeros(2064, 0);
  CHECK(edc32(zeros.data(), zeros.size()) == 0);
  std::vector<std::uint8_t> data(3000);
  std::mt19937 rng(3);
  for (auto& b : data) b = static_cast<std::uint8_t>(rng());
  CHECK(edc32(data.data(), data.size()) == bitwiseEdc(data.data(), data.size()));
  // Running computation equals one-shot.
  CHECK(edc32(data.data() + 1000, 2000, edc32(data.data(), 1000)) == edc32(data.data(), 3000));
}

TEST_CASE("Annex B scrambler starts 01 80 00 60 00 28 00 1E 80 08 and is its own inverse", "[sector]") {
  const std::uint8_t prefix[10] = {0x01, 0x80, 0x00, 0x60, 0x00, 0x28, 0x00, 0x1E, 0x80, 0x08};
  CHECK(std::memcmp(scrambleTable(), prefix, 10) == 0);
  Sector s{};
  writeSync(s.data());
  scramble(s.data());
  CHECK(s[0] == 0x00);
  CHECK(s[1] == 0xFF);
  CHECK(s[11] == 0x00);
  CHECK(std::memcmp(s.data() + 12, scrambleTable(), kSectorBytes - 12) == 0);
  const Sector orig = randomMode1(1, 100);
  Sector x = orig;
  scramble(x.data());
  CHECK(x != orig);
  scramble(x.data());
  CHECK(x == orig);
}

TEST_CASE("Sector headers are BCD MSF + mode; lead-in adds A0h to MIN", "[sector]") {
  CHECK(sectorHeader(0, 1) == std::array<std::uint8_t, 4>{0x00, 0x02, 0x00, 0x01});
  CHECK(sectorHeader(-150, 2) == std::array<std::uint8_t, 4>{0x00, 0x00, 0x00, 0x02});
  CHECK(sectorHeader(359849, 1) == std::array<std::uint8_t, 4>{0x79, 0x59, 0x74, 0x01});
  CHECK(leadInHeader(0, 1) == std::array<std::uint8_t, 4>{0xA0, 0x00, 0x00, 0x01});
  CHECK(leadInHeader(4500 + 76, 1) == std::array<std::uint8_t, 4>{0xA1, 0x01, 0x01, 0x01});
  CHECK_THROWS_AS(sectorHeader(-151, 1), kiln::Error);
  CHECK_THROWS_AS(leadInHeader(-1, 1), kiln::Error);
}

TEST_CASE("Mode 1 sector: layout, EDC and RSPC parity agree with an independent RS implementation", "[sector]") {
  for (std::uint32_t seed : {1u, 2u, 99u}) {
    const Sector s = randomMode1(seed, 16 + static_cast<std::int32_t>(seed));
    CHECK(s[0] == 0x00);
    CHECK(s[15] == 0x01);
    std::uint32_t edc = std::uint32_t(s[2064]) | std::uint32_t(s[2065]) << 8 | std::uint32_t(s[2066]) << 16 |
                        std::uint32_t(s[2067]) << 24;
    CHECK(edc == bitwiseEdc(s.data(), 2064));
    for (int i = 2068; i < 2076; ++i) CHECK(s[i] == 0);
    CHECK(referenceEcc(s) == s);
    CHECK(verifyMode1(s.data()).ok());
  }
  Sector zero{};
  encodeMode1(zero.data(), sectorHeader(0, 1));
  CHECK(referenceEcc(zero) == zero);
  CHECK(verifyMode1(zero.data()).ok());
}

TEST_CASE("verifyMode1 reports which check fails", "[sector]") {
  const Sector good = randomMode1(5, 1234);
  Sector data = good;
  data[500] ^= 0x10;
  const SectorCheck c = verifyMode1(data.data());
  CHECK_FALSE(c.edc);
  CHECK_FALSE(c.p);
  CHECK_FALSE(c.q);
  CHECK(c.sync);
  Sector qpar = good;
  qpar[2300] ^= 0x01;  // Q parity only
  const SectorCheck cq = verifyMode1(qpar.data());
  CHECK(cq.edc);
  CHECK(cq.p);
  CHECK_FALSE(cq.q);
  Sector sync = good;
  sync[5] = 0;
  CHECK_FALSE(verifyMode1(sync.data()).sync);
  Sector scrambled = good;
  scramble(scrambled.data());
  CHECK_FALSE(verifyMode1(scrambled.data()).ok());
}

TEST_CASE("Mode 2 Form 1 parity ignores the header; Form 2 carries an EDC", "[sector]") {
  Sector s{};
  std::mt19937 rng(11);
  for (std::size_t i = 24; i < 2072; ++i) s[i] = static_cast<std::uint8_t>(rng());
  const std::array<std::uint8_t, 4> sub{0x01, 0x02, 0x08, 0x00};
  encodeMode2Form1(s.data(), sectorHeader(500, 2), sub);
  CHECK(s[15] == 0x02);
  CHECK(std::memcmp(s.data() + 16, s.data() + 20, 4) == 0);
  CHECK(verifyMode2Form1(s.data()).ok());
  Sector zeroHeader = s;
  std::memset(zeroHeader.data() + 12, 0, 4);
  CHECK(referenceEcc(zeroHeader) == zeroHeader);
  s[13] ^= 0x11;  // a different address: header is outside both EDC and parity
  CHECK(verifyMode2Form1(s.data()).ok());
  s[100] ^= 1;
  CHECK_FALSE(verifyMode2Form1(s.data()).edc);

  Sector f2{};
  for (std::size_t i = 24; i < 2348; ++i) f2[i] = static_cast<std::uint8_t>(rng());
  encodeMode2Form2(f2.data(), sectorHeader(501, 2), {0x01, 0x02, 0x28, 0x00});
  const std::uint32_t edc = std::uint32_t(f2[2348]) | std::uint32_t(f2[2349]) << 8 | std::uint32_t(f2[2350]) << 16 |
                            std::uint32_t(f2[2351]) << 24;
  CHECK(edc == bitwiseEdc(f2.data() + 16, 2332));
}
