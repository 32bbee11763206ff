#include <algorithm>
#include <fstream>

#include "native-helper/transport/device_list.h"

namespace kiln::transport {
namespace {

std::string readLine(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

/// "sg12" → 12 (for sorting); -1 if not of that form.
int sgNumber(const std::string& name) {
  if (name.size() < 3 || name.rfind("sg", 0) != 0) return -1;
  try {
    return std::stoi(name.substr(2));
  } catch (...) {
    return -1;
  }
}

/// The sr node beside an sg device (device/block/srN), or "".
std::string blockNode(const std::filesystem::path& device) {
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(device / "block", ec)) return e.path().filename().string();
  return "";
}

}  // namespace

std::string trimField(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<RealDrive> listSgDrives(const std::filesystem::path& sysfs, const std::filesystem::path& devDir) {
  std::vector<std::pair<int, RealDrive>> found;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(sysfs / "class" / "scsi_generic", ec)) {
    const std::string name = e.path().filename().string();
    const std::filesystem::path device = e.path() / "device";
    if (trimField(readLine(device / "type")) != "5") continue;  // 5 = CD/DVD (MMC) device
    RealDrive d;
    d.kind = "sg";
    d.drive = "sg:" + (devDir / name).string();
    d.vendor = trimField(readLine(device / "vendor"));
    d.product = trimField(readLine(device / "model"));
    const std::string sr = blockNode(device);
    const std::string rev = trimField(readLine(device / "rev"));
    d.detail = sr.empty() ? "" : (devDir / sr).string() + " (also works as sg:" + (devDir / sr).string() + ")";
    if (!rev.empty()) d.detail += std::string(d.detail.empty() ? "" : ", ") + "rev " + rev;
    found.emplace_back(sgNumber(name), d);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<RealDrive> out;
  for (auto& f : found) out.push_back(std::move(f.second));
  return out;
}

}  // namespace kiln::transport
