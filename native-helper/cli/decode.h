#pragma once
// `kiln decode FILE [--out PATH]` (hidden; for tests and benchmarks): FILE through exactly the pipeline `kiln
// burn` uses (AudioFileStream + PrefetchStream), written as raw 44.1 kHz 16-bit LE stereo to stdout or PATH.
#include <string>

#include <CLI/CLI.hpp>

namespace kiln::cli {

struct DecodeOptions {
  std::string file;
  std::string out;  ///< empty = stdout
};

CLI::App* addDecodeCommand(CLI::App& app, DecodeOptions& options);
/// Throws the stream's kiln::Error; HRESULT_FROM_WIN32_ERROR_WRITE_FAULT if the output cannot be written.
int runDecode(const DecodeOptions& options);

}  // namespace kiln::cli
