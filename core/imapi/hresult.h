#pragma once
// HRESULT codes with their IMAPI2 names and values (imapi2error.h), so users can look them up.
#include <cstdint>
#include <string>
#include <string_view>

namespace kiln {

/// An HRESULT as IMAPI2 defines it: bit 31 set = failure, facility 0xAA = IMAPI.
/// Every value Kiln can return is listed once, in core/imapi/hresult_list.inc.
enum class HResult : std::uint32_t {
#define X(name, value, text) name = value,
#include "core/imapi/hresult_list.inc"
#undef X
};

/// The symbolic IMAPI/Win32 name, e.g. "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE"; "HRESULT_0x…" style is never returned:
/// an unknown value yields "UNKNOWN_HRESULT".
std::string_view hresultName(HResult code);

/// The one-line description from imapi2error.h (or winerror.h for the generic codes).
std::string_view hresultDescription(HResult code);

/// "0xC0AA0509": the value as users see it in IMAPI documentation.
std::string hresultHex(HResult code);

/// True for success codes (S_OK, S_IMAPI_*): bit 31 clear.
constexpr bool succeeded(HResult code) { return (static_cast<std::uint32_t>(code) & 0x80000000u) == 0; }
constexpr bool failed(HResult code) { return !succeeded(code); }

}  // namespace kiln
