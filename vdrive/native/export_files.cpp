#include "vdrive/native/export_files.h"

#include <filesystem>
#include <fstream>

#include "core/imapi/error.h"
#include "vdrive/export.h"

namespace kiln::vdrive {

namespace {

void writeText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
  if (!out.flush()) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot write " + path);
}

void writeAudio(MediumStore& store, const MediumState& state, const std::string& path, bool wav) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (wav) {
    const auto bytes = static_cast<std::uint64_t>(binSectorCount(state)) * kSectorBytes;
    if (bytes > 0xFFFFFFFFull - 36) throw Error(HResult::E_INVALIDARG, "disc too large for a WAV file");
    const auto header = wavHeader(static_cast<std::uint32_t>(bytes));
    out.write(reinterpret_cast<const char*>(header.data()), header.size());
  }
  streamBin(store, state, [&out](std::span<const std::uint8_t> chunk) {
    out.write(reinterpret_cast<const char*>(chunk.data()), static_cast<std::streamsize>(chunk.size()));
  });
  if (!out.flush()) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot write " + path);
}

void requireTracks(const MediumState& state) {
  if (state.tracks.empty()) throw Error(HResult::E_INVALIDARG, "the disc is blank: nothing to export");
}

}  // namespace

ExportedFiles exportCueBin(MediumStore& store, const MediumState& state, const std::string& dir,
                           const std::string& name) {
  requireTracks(state);
  std::filesystem::create_directories(dir);
  ExportedFiles f{dir + "/" + name + ".cue", dir + "/" + name + ".bin"};
  writeAudio(store, state, f.audio, false);
  writeText(f.sheet, cueSheet(state, name + ".bin"));
  return f;
}

ExportedFiles exportCdrdaoToc(MediumStore& store, const MediumState& state, const std::string& dir,
                              const std::string& name) {
  requireTracks(state);
  std::filesystem::create_directories(dir);
  if (state.subchannel) {  // RW_RAW tracks: cdrdao takes sub-channel only from a DATAFILE
    ExportedFiles f{dir + "/" + name + ".toc", dir + "/" + name + ".rw"};
    std::ofstream out(f.audio, std::ios::binary | std::ios::trunc);
    streamRwRaw(store, state, [&out](std::span<const std::uint8_t> chunk) {
      out.write(reinterpret_cast<const char*>(chunk.data()), static_cast<std::streamsize>(chunk.size()));
    });
    if (!out.flush()) throw Error(HResult::HRESULT_FROM_WIN32_ERROR_WRITE_FAULT, "cannot write " + f.audio);
    writeText(f.sheet, cdrdaoToc(state, name + ".rw"));
    return f;
  }
  ExportedFiles f{dir + "/" + name + ".toc", dir + "/" + name + ".wav"};
  writeAudio(store, state, f.audio, true);
  writeText(f.sheet, cdrdaoToc(state, name + ".wav"));
  return f;
}

}  // namespace kiln::vdrive
