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

std::int64_t offsetOf(std::int32_t lba) { return (std::int64_t{lba} - kFirstStoredLba) * std::int64_t{kSectorBytes}; }

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
}

DirStore::~DirStore() {
  if (fd_ >= 0) ::close(fd_);
}

bool DirStore::hasDisc(const std::string& directory) {
  return std::filesystem::exists(directory + "/state.json");
}

void DirStore::readSectors(std::int32_t lba, std::span<std::uint8_t> out) {
  if (lba < kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sector address below LBA -150");
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::pread(fd_, out.data() + done, out.size() - done, offsetOf(lba) + static_cast<off_t>(done));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(HResult::HRESULT_FROM_WIN32_ERROR_READ_FAULT, "cannot read " + imagePath());
    }
    if (n == 0) break;  // past the end of the sparse file: never written
    done += static_cast<std::size_t>(n);
  }
  std::fill(out.begin() + static_cast<std::ptrdiff_t>(done), out.end(), std::uint8_t{0});
}

void DirStore::writeSectors(std::int32_t lba, std::span<const std::uint8_t> data) {
  if (lba < kFirstStoredLba) throw Error(HResult::E_INVALIDARG, "sector address below LBA -150");
  std::size_t done = 0;
  while (done < data.size()) {
    const ssize_t n = ::pwrite(fd_, data.data() + done, data.size() - done, offsetOf(lba) + static_cast<off_t>(done));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot write " + imagePath());
    }
    done += static_cast<std::size_t>(n);
  }
}

std::int32_t DirStore::highestWrittenLba() const {
  struct stat st {};
  if (::fstat(fd_, &st) != 0) return kFirstStoredLba - 1;
  return static_cast<std::int32_t>(st.st_size / static_cast<off_t>(kSectorBytes)) + kFirstStoredLba - 1;
}

void DirStore::clearSectors() {
  if (::ftruncate(fd_, 0) != 0) fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot truncate " + imagePath());
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
  if (std::rename(tmp.c_str(), statePath().c_str()) != 0)
    fail(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot replace " + statePath());
}

std::string mediumStateToJson(const MediumState& s) {
  json j;
  j["format"] = "kiln-vdrive-1";
  j["media"] = mediaKindName(s.kind);
  j["finalized"] = s.finalized;
  j["mcn"] = s.mcn;
  j["sessions"] = json::array();
  for (const auto& x : s.sessions)
    j["sessions"].push_back({{"number", x.number}, {"leadInStart", x.leadInStart}, {"leadOutStart", x.leadOutStart},
                             {"closed", x.closed}, {"nextSessionAllowed", x.nextSessionAllowed}});
  j["tracks"] = json::array();
  for (const auto& t : s.tracks)
    j["tracks"].push_back({{"number", t.number}, {"session", t.session}, {"start", t.start}, {"length", t.length},
                           {"pregap", t.pregap}, {"control", t.control}, {"open", t.open}, {"damaged", t.damaged}, {"isrc", t.isrc}});
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
      s.tracks.push_back(r);
    }
    for (const auto& l : j.at("linkAreas"))
      s.linkAreas.push_back(LinkArea{l.at("start").get<std::int32_t>(), l.at("blocks").get<std::int32_t>()});
    return s;
  } catch (const json::exception& e) {
    throw Error(HResult::E_INVALIDARG, std::string("state.json: ") + e.what());
  }
}

}  // namespace kiln::vdrive
