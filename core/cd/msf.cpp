#include "core/cd/msf.h"

#include <cstdio>

namespace kiln::cd {

std::string formatMsf(Msf msf) {
  char buf[12];
  std::snprintf(buf, sizeof buf, "%02u:%02u:%02u", unsigned(msf.m), unsigned(msf.s), unsigned(msf.f));
  return buf;
}

}  // namespace kiln::cd
