// The one Catch2 main for every suite (compiled once, linked into each test binary).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
