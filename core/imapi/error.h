#pragma once
// The error value every Kiln API throws: an IMAPI HRESULT plus what happened.
#include <exception>
#include <string>

#include "core/imapi/hresult.h"

namespace kiln {

/// A failed operation: the HRESULT (with its IMAPI name and value) and a human detail message.
/// Thrown by core, vdrive and helper APIs; caught at binding boundaries (CLI, WASM) and shown as
/// "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE (0xC0AA0509): <detail>".
class Error : public std::exception {
 public:
  /// @param code   a failure HRESULT from hresult_list.inc
  /// @param detail what happened, in words a user can act on (may be empty: the IMAPI description is used)
  Error(HResult code, std::string detail = {});

  HResult code() const noexcept { return code_; }
  std::string_view name() const noexcept { return hresultName(code_); }
  const std::string& detail() const noexcept { return detail_; }
  /// "NAME (0xVALUE): detail"
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  HResult code_;
  std::string detail_;
  std::string what_;
};

}  // namespace kiln
