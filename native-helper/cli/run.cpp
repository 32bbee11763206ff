#include "native-helper/cli/run.h"

#include <filesystem>

#include <CLI/CLI.hpp>

#include "native-helper/cli/blank.h"
#include "native-helper/cli/burn.h"
#include "native-helper/cli/common.h"
#include "native-helper/cli/decode.h"
#include "native-helper/cli/devices.h"
#include "native-helper/cli/export.h"
#include "native-helper/cli/info.h"

namespace kiln::cli {
namespace {

constexpr const char* kFooter =
    "Exit codes: 0 ok, 1 error (an IMAPI HRESULT is printed), 2 usage, 130 cancelled (Ctrl-C).\n"
    "Drives: --drive virtual:DIR keeps a virtual CD recorder's disc in DIR (--media picks a new blank disc).";

struct AllOptions {
  DevicesOptions devices;
  InfoOptions info;
  BurnOptions burn;
  ExportOptions exportOpts;
  DecodeOptions decode;
  BlankOptions blank;
};

int dispatch(CLI::App* devices, CLI::App* info, CLI::App* burn, CLI::App* decode, CLI::App* blank, AllOptions& o,
             bool& json) {
  if (decode->parsed()) return runDecode(o.decode);
  if (blank->parsed()) {
    json = o.blank.json;
    return runBlank(o.blank);
  }
  if (devices->parsed()) {
    json = o.devices.json;
    return runDevices(o.devices);
  }
  if (info->parsed()) {
    json = o.info.json;
    return runInfo(o.info);
  }
  if (burn->parsed()) {
    json = o.burn.json;
    return runBurn(o.burn);
  }
  json = o.exportOpts.json;
  return runExport(o.exportOpts);
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"kiln: burn audio CDs (Track-At-Once or disc-at-once, IMAPI2-style)", "kiln"};
  app.footer(kFooter);
  app.require_subcommand(1);
  app.set_version_flag("--version", "kiln 0.1.0");
  AllOptions o;
  CLI::App* devices = addDevicesCommand(app, o.devices);
  CLI::App* info = addInfoCommand(app, o.info);
  CLI::App* burn = addBurnCommand(app, o.burn);
  addExportCommand(app, o.exportOpts);
  CLI::App* decode = addDecodeCommand(app, o.decode);
  CLI::App* blank = addBlankCommand(app, o.blank);
  try {
    app.parse(argc, argv);
    if (burn->parsed()) validateBurnOptions(o.burn);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  bool json = false;
  try {
    return dispatch(devices, info, burn, decode, blank, o, json);
  } catch (const Error& e) {
    printError(e, json);
    return kExitError;
  } catch (const std::filesystem::filesystem_error& e) {
    printError(Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, e.what()), json);
    return kExitError;
  } catch (const std::exception& e) {
    printError(Error(HResult::E_FAIL, e.what()), json);
    return kExitError;
  }
}

}  // namespace kiln::cli
