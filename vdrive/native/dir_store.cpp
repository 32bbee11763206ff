#include "vdrive/native/dir_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/imapi/error.h"
#include "vdrive/medium.h"

namespace kiln::vdrive {

namespace {

using nlohmann::json;

std::int64_t offsetOf(std::int32_t lba, std::size_t recordBytes = kSectorBytes) {
  return (std::int64_t{lba} - kFirstStoredLba) * static_cast<std::int64_t>(recordBytes);
}

/// CD-TEXT packs are kept in state.json as 36 hex digits each.
std::string hexOf(const std::array<std::uint8_t, 18>& pack) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (std::uint8_t b : pack) {
    out += digits[b >> 4];
    out += digits[b & 0x0F];
  }
  return out;
}

std::array<std::uint8_t, 18> packOf(const std::string& hex) {
  if (hex.size() != 36) throw Error(HResult::E_INVALIDARG, "state.json: a CD-TEXT pack is not 36 hex digits");
  std::array<std::uint8_t, 18> pack{};
  for (std::size_t i = 0; i < 18; ++i) pack[i] = static_cast<std::uint8_t>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  return pack;
}

[[noreturn]] void fail(HResult code, const std::string& what) {
  throw Error(code, what + ": " + std::strerror(errno));
}

}  // namespace

DirStore::DirStore(std::string directory) : dir_(std::move(directory)) {
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot create " + dir_ + ": " + ec.message());
  fd_ = ::open(imagePath().c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot open " + imagePath());
  subFd_ = ::open(subchannelPath().c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (subFd_ < 0) {
    ::close(fd_);
    fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot open " + subchannelPath());
  }
}

DirStore::~DirStore() {
  if (fd_ >= 0) ::close(fd_);
  if (subFd_ >= 0) ::close(subFd_);
}

bool DirStore::hasDisc(const std::string& directory) {
  return std::filesystem::exists(directory + "/state.json");
}

namespace {

void readAt(int fd, const std::string& path, std::int64_t offset, std::span<std::uint8_t> out) {
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::pread(fd, out.data() + done, out.size() - done, static_cast<off_t>(offset) + static_cast<off_t>(done));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, "cannot read " + path);
    }
    if (n == 0) break;  // past the end of the sparse file: never written
    done += static_cast<std::size_t>(n);
  }
  std::fill(out.begin() + static_cast<std::ptrdiff_t>(done), out.end(), std::uint8_t{0});
}

void writeAt(int fd, const std::string& path, std::int64_t offset, std::span<const std::uint8_t> data) {
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::pwrite(fd, data.data() + done, data.size() - done, static_cast<off_t>(offset) + static_cast<off_t>(done));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot write " + path);
    }
    done += static_cast<std::size_t>(n);
  }
}

void requireStored(std::int32_t lba) {
  if (lba < kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sector address below LBA -150");
}

}  // namespace

void DirStore::readSectors(std::int32_t lba, std::span<std::uint8_t> out) {
  requireStored(lba);
  readAt(fd_, imagePath(), offsetOf(lba), out);
}

void DirStore::writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) {
  requireStored(lba);
  writeAt(fd_, imagePath(), offsetOf(lba), data);
}

void DirStore::readSubchannel(std::int32_t lba, std::span<std::uint8_t> out) {
  requireStored(lba);
  readAt(subFd_, subchannelPath(), offsetOf(lba, kSubchannelBytes), out);
}

void DirStore::writeSubchannel(std::int32_t lba, std::span<const std::uint8_t> data) {
  requireStored(lba);
  writeAt(subFd_, subchannelPath(), offsetOf(lba, kSubchannelBytes), data);
}

std::int32_t DirStore::highestWrittenLba() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return kFirstStoredLba - 1;
  return static_cast<std::int32_t>(st.st_size / static_cast<off_t>(kSectorBytes)) + kFirstStoredLba - 1;
}

void DirStore::clearSectors() {
  if (::ftruncate(fd_, 0) != 0) fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot truncate " + imagePath());
  if (::ftruncate(subFd_, 0) != 0)
    fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot truncate " + subchannelPath());
}

std::optional<MediumState> DirStore::loadState() {
  std::ifstream in(statePath());
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return mediumStateFromJson(text.str());
}

void DirStore::saveState(const MediumState& state) {
  const std::string tmp = statePath() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << mediumStateToJson(state);
    if (!out.flush()) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot write " + tmp);
  }
  ::fdatasync(fd_);  // sectors first, then the state that refers to them
  ::fdatasync(subFd_);
  if (std::rename(tmp.c_str(), statePath().c_str()) != 0)
    fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot replace " + statePath());
}

std::string mediumStateToJson(const MediumState& s) {
  json j;
  j["format"] = "kiln-vdrive-1";
  j["media"] = mediaKindName(s.kind);
  j["finalized"] = s.finalized;
  j["mcn"] = s.mcn;
  j["incomplete"] = s.incomplete;
  j["subchannel"] = s.subchannel;
  j["notes"] = s.notes;
  j["cdText"] = json::array();
  for (const auto& pack : s.cdText) j["cdText"].push_back(hexOf(pack));
  j["sessions"] = json::array();
  for (const auto& x : s.sessions)
    j["sessions"].push_back({{"number", x.number}, {"leadInStart", x.leadInStart}, {"leadOutStart", x.leadOutStart},
                             {"closed", x.closed}, {"nextSessionAllowed", x.nextSessionAllowed}});
  j["tracks"] = json::array();
  for (const auto& t : s.tracks)
    j["tracks"].push_back({{"number", t.number}, {"session", t.session}, {"start", t.start}, {"length", t.length},
                           {"pregap", t.pregap}, {"control", t.control}, {"open", t.open}, {"damaged", t.damaged}, {"isrc", t.isrc},
                           {"indexStarts", t.indexStarts}});
  j["linkAreas"] = json::array();
  for (const auto& l : s.linkAreas) j["linkAreas"].push_back({{"start", l.start}, {"blocks", l.blocks}});
  return j.dump(2) + "\n";
}

MediumState mediumStateFromJson(const std::string& text) {
  try {
    const json j = json::parse(text);
    if (j.at("format") != "kiln-vdrive-1") throw Error(HResult::E_INVALIDARG, "state.json: unknown format");
    MediumState s;
    const auto kind = parseMediaKind(j.at("media").get<std::string>());
    if (!kind) throw Error(HResult::E_INVALIDARG, "state.json: unknown media " + j.at("media").dump());
    s.kind = *kind;
    s.finalized = j.at("finalized").get<bool>();
    s.mcn = j.value("mcn", std::string{});
    s.incomplete = j.value("incomplete", false);
    s.subchannel = j.value("subchannel", false);
    s.notes = j.value("notes", std::vector<std::string>{});
    if (j.contains("cdText"))
      for (const auto& pack : j.at("cdText")) s.cdText.push_back(packOf(pack.get<std::string>()));
    for (const auto& x : j.at("sessions"))
      s.sessions.push_back(SessionRecord{x.at("number").get<std::uint8_t>(), x.at("leadInStart").get<std::int32_t>(),
                                         x.at("leadOutStart").get<std::int32_t>(), x.at("closed").get<bool>(),
                                         x.at("nextSessionAllowed").get<bool>()});
    for (const auto& t : j.at("tracks")) {
      TrackRecord r;
      r.number = t.at("number").get<std::uint8_t>();
      r.session = t.at("session").get<std::uint8_t>();
      r.start = t.at("start").get<std::int32_t>();
      r.length = t.at("length").get<std::int32_t>();
      r.pregap = t.at("pregap").get<std::int32_t>();
      r.control = t.at("control").get<std::uint8_t>();
      r.open = t.at("open").get<bool>();
      r.damaged = t.at("damaged").get<bool>();
      r.isrc = t.value("isrc", std::string{});
      r.indexStarts = t.value("indexStarts", std::vector<std::int32_t>{});
      s.tracks.push_back(r);
    }
    for (const auto& l : j.at("linkAreas"))
      s.linkAreas.push_back(LinkArea{l.at("start").get<std::int32_t>(), l.at("blocks").get<std::int32_t>()});
    return s;
  } catch (const json::exception& e) {
    throw Error(HResult::E_INVALIDARG, std::string("state.json: ") + e.what());
  } catch (const std::logic_error& e) {  // std::stoi on a malformed CD-TEXT pack
    throw Error(HResult::E_INVALIDARG, std::string("state.json: ") + e.what());
  }
}

}  // namespace kiln::vdrive
