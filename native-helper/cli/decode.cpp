#include "native-helper/cli/decode.h"

#include <cstdio>
#include <memory>
#include <vector>

#include "core/imapi/error.h"
#include "native-helper/audio/audio_file_stream.h"
#include "native-helper/audio/prefetch_stream.h"
#include "native-helper/cli/common.h"

namespace kiln::cli {

CLI::App* addDecodeCommand(CLI::App& app, DecodeOptions& o) {
  CLI::App* cmd = app.add_subcommand("decode", "Decode FILE to raw CD audio (44.1 kHz s16le stereo)");
  cmd->group("");  // hidden: a test/bench tool
  cmd->add_option("file", o.file, "Audio file")->required();
  cmd->add_option("-o,--out", o.out, "Output path (default: stdout)");
  return cmd;
}

int runDecode(const DecodeOptions& o) {
  audio::PrefetchStream stream(std::make_unique<audio::AudioFileStream>(o.file));
  std::FILE* out = o.out.empty() ? stdout : std::fopen(o.out.c_str(), "wb");
  if (!out) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, o.out + ": cannot create");
  std::vector<std::uint8_t> buf(1 << 16);
  std::uint64_t total = 0;
  while (const std::size_t n = stream.read(buf)) {
    if (std::fwrite(buf.data(), 1, n, out) != n)
      throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "short write of decoded audio");
    total += n;
  }
  if (out != stdout) std::fclose(out);
  if (total != stream.sizeBytes())
    throw Error(HResult::E_FAIL, "decoded " + std::to_string(total) + " bytes, expected " +
                                     std::to_string(stream.sizeBytes()));
  return kExitOk;
}

}  // namespace kiln::cli
