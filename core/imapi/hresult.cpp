#include "core/imapi/hresult.h"

#include <cstdio>

namespace kiln {
namespace {

struct HResultInfo {
  HResult code;
  std::string_view name;
  std::string_view description;
};

constexpr HResultInfo kTable[] = {
#define X(name, value, text) {HResult::name, #name, text},
#include "core/imapi/hresult_list.inc"
#undef X
};

const HResultInfo* find(HResult code) {
  for (const auto& info : kTable)
    if (info.code == code) return &info;
  return nullptr;
}

}  // namespace

std::string_view hresultName(HResult code) {
  const auto* info = find(code);
  return info ? info->name : std::string_view("UNKNOWN_HRESULT");
}

std::string_view hresultDescription(HResult code) {
  const auto* info = find(code);
  return info ? info->description : std::string_view("Unknown error");
}

std::string hresultHex(HResult code) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(code));
  return buf;
}

}  // namespace kiln
