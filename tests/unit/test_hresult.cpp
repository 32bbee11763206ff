#include <catch2/catch.hpp>

#include <string>

#include "core/imapi/error.h"
#include "core/imapi/hresult.h"

using namespace kiln;

TEST_CASE("HRESULT values and names match imapi2error.h", "[hresult]") {
  CHECK(static_cast<std::uint32_t>(HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS) == 0xC0AA0501u);
  CHECK(static_cast<std::uint32_t>(HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE) == 0xC0AA0509u);
  CHECK(static_cast<std::uint32_t>(HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA) == 0xC0AA0202u);
  CHECK(static_cast<std::uint32_t>(HResult::E_IMAPI_LOSS_OF_STREAMING) == 0xC0AA0300u);
  CHECK(static_cast<std::uint32_t>(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST) == 0x80070037u);
  CHECK(static_cast<std::uint32_t>(HResult::E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS) == 0x80AA0A01u);
  CHECK(hresultName(HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS) == "E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS");
  CHECK(hresultName(HResult::S_OK) == "S_OK");
  CHECK(hresultName(static_cast<HResult>(0x12345678u)) == "UNKNOWN_HRESULT");
  CHECK(hresultHex(HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE) == "0xC0AA0509");
  CHECK(hresultHex(HResult::S_OK) == "0x00000000");
  CHECK(hresultDescription(HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA) == "There is no media in the device");
}

TEST_CASE("success and failure follow bit 31", "[hresult]") {
  CHECK(succeeded(HResult::S_OK));
  CHECK(succeeded(HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS));
  CHECK(succeeded(HResult::S_IMAPI_SPEEDADJUSTED));
  CHECK(succeeded(HResult::S_IMAPI_COMMAND_HAS_SENSE_DATA));
  CHECK(failed(HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS));
  CHECK(failed(HResult::E_IMAPI_ERASE_RECORDER_IN_USE));  // 0x80AA…: a failure too
  CHECK(failed(HResult::E_FAIL));
  CHECK_FALSE(failed(HResult::S_FALSE));
}

TEST_CASE("Error::what is NAME (0xVALUE): detail", "[hresult][error]") {
  const Error e(HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE, "track 3 needs 40000 sectors, 12000 free");
  CHECK(std::string(e.what()) ==
        "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE (0xC0AA0509): track 3 needs 40000 sectors, 12000 free");
  CHECK(e.code() == HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE);
  CHECK(e.name() == "E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE");

  const Error plain(HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT);
  CHECK(plain.detail() == "The device failed to accept the command within the timeout period");
  CHECK(std::string(plain.what()) ==
        "E_IMAPI_RECORDER_COMMAND_TIMEOUT (0xC0AA020D): The device failed to accept the command within the timeout "
        "period");
  CHECK_THROWS_AS(throw plain, std::exception);
}
