# Catch2 2.x for the Emscripten build of the test suites (scripts/web-wasm-ctest): the same single header Debian's
# catch2 package installs, but seen through an include directory holding only catch2/ — adding /usr/include to a
# WASM build would pull in the host's libc headers (TOOLCHAIN.md).
set(Catch2_VERSION 2.13.10)
set(_kiln_catch_inc ${CMAKE_BINARY_DIR}/catch2-include)
if(NOT EXISTS ${_kiln_catch_inc}/catch2/catch.hpp)
  file(COPY /usr/include/catch2 DESTINATION ${_kiln_catch_inc})
endif()
if(NOT TARGET Catch2::Catch2)
  add_library(Catch2::Catch2 INTERFACE IMPORTED)
  set_target_properties(Catch2::Catch2 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${_kiln_catch_inc})
endif()
list(APPEND CMAKE_MODULE_PATH /usr/lib/cmake/Catch2)
