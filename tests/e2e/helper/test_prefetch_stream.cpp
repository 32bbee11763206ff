#include <catch2/catch.hpp>

#include <memory>
#include <numeric>
#include <vector>

#include "core/imapi/error.h"
#include "native-helper/audio/prefetch_stream.h"

using kiln::audio::PrefetchStream;

namespace {

/// Delivers 0,1,2,… (mod 256) in reads of at most `maxRead` bytes; throws READ_FAULT once `failAt` bytes passed.
class CountingStream final : public kiln::formats::AudioStream {
 public:
  CountingStream(std::uint64_t size, std::size_t maxRead, std::uint64_t failAt = UINT64_MAX)
      : size_(size), maxRead_(maxRead), failAt_(failAt) {}
  std::uint64_t sizeBytes() const override { return size_; }
  std::size_t read(std::span<std::uint8_t> out) override {
    if (pos_ >= failAt_) throw kiln::Error(kiln::HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, "boom");
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>({out.size(), maxRead_, size_ - pos_}));
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(pos_ + i);
    pos_ += n;
    return n;
  }

 private:
  std::uint64_t size_, pos_ = 0;
  std::size_t maxRead_;
  std::uint64_t failAt_;
};

}  // namespace

TEST_CASE("PrefetchStream delivers the inner stream's bytes unchanged", "[prefetch]") {
  PrefetchStream s(std::make_unique<CountingStream>(100'003, 333), 4096, 3);
  CHECK(s.sizeBytes() == 100'003);
  std::vector<std::uint8_t> buf(1500);
  std::uint64_t pos = 0;
  while (const std::size_t n = s.read(buf)) {
    for (std::size_t i = 0; i < n; ++i) REQUIRE(buf[i] == static_cast<std::uint8_t>(pos + i));
    pos += n;
  }
  CHECK(pos == 100'003);
  CHECK(s.read(buf) == 0);
}

TEST_CASE("PrefetchStream rethrows the inner stream's kiln::Error", "[prefetch]") {
  PrefetchStream s(std::make_unique<CountingStream>(1'000'000, 1000, 50'000), 8192, 2);
  std::vector<std::uint8_t> buf(4096);
  std::uint64_t got = 0;
  try {
    while (const std::size_t n = s.read(buf)) got += n;
    FAIL("no error");
  } catch (const kiln::Error& e) {
    CHECK(e.code() == kiln::HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT);
  }
  CHECK(got <= 50'000);
}

TEST_CASE("PrefetchStream can be destroyed before it is drained", "[prefetch]") {
  auto s = std::make_unique<PrefetchStream>(std::make_unique<CountingStream>(10'000'000, 4096), 4096, 2);
  std::vector<std::uint8_t> buf(100);
  CHECK(s->read(buf) == 100);
  s.reset();  // must join without hanging
  SUCCEED();
}
