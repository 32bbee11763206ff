#include "core/imapi/error.h"

namespace kiln {

Error::Error(HResult code, std::string detail)
    : code_(code), detail_(detail.empty() ? std::string(hresultDescription(code)) : std::move(detail)) {
  what_ = std::string(hresultName(code_)) + " (" + hresultHex(code_) + "): " + detail_;
}

}  // namespace kiln
