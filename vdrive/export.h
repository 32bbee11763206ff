#pragma once
// What is on the disc, in formats independent readers understand (portable: text + streamed sectors; the files
// are written by vdrive/native/export_files.h).
//  * CUE/BIN: one FILE "<name>.bin" BINARY with little-endian 2352-byte audio sectors from LBA 0 to the last
//    lead-out start. Pauses stay inside the BIN (tracks ≥ 2: INDEX 00 at start − pregap, INDEX 01 at start;
//    track 1: INDEX 01 00:00:00); between sessions the lead-out/lead-in area is zeros so BIN offsets equal LBAs.
//    CATALOG, per-track FLAGS/ISRC, INDEX 02+ and CD-TEXT (TITLE, PERFORMER, SONGWRITER, COMPOSER, ARRANGER,
//    MESSAGE of the first language block; album before FILE, tracks after TRACK) when the disc has them.
//  * cdrdao TOC: CD_DA with one TRACK AUDIO per track reading a WAV copy of the BIN (cdrdao reads raw files as
//    big-endian but WAV as little-endian, so the WAV needs no byte swap); pregaps as START, INDEX 02+, CATALOG,
//    ISRC, CD_TEXT. Single-session view. When R–W sub-channel was recorded (MediumState::subchannel) the tracks
//    are `TRACK AUDIO RW_RAW` over a DATAFILE of 2448-byte records instead: 2352 bytes of audio with
//    **big-endian** samples (cdrdao reads DATAFILE audio big-endian, verified with `cdrdao show-data`; cdrdao
//    rejects FILE/WAV with a sub-channel mode) followed by the 96 raw (interleaved) R–W symbols, bits 7–6 zero.
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/cd/cdtext.h"
#include "vdrive/medium_state.h"
#include "vdrive/medium_store.h"

namespace kiln::vdrive {

/// Sectors in the BIN: LBA 0 up to the lead-out start of the last closed session (end of recorded tracks if the
/// last session is open); 0 on a blank disc.
std::int32_t binSectorCount(const MediumState& state);

/// The CUE sheet for `binFileName` (a name, not a path). REM lines carry media, session and damage notes.
std::string cueSheet(const MediumState& state, std::string_view binFileName);

/// The cdrdao TOC for `audioFileName`: the BIN as a 44.1 kHz 16-bit stereo WAV, or — when state.subchannel —
/// the RW_RAW DATAFILE streamed by streamRwRaw.
std::string cdrdaoToc(const MediumState& state, std::string_view audioFileName);

/// The disc's CD-TEXT (MediumState::cdText parsed), or nullopt when there is none or its packs do not parse.
std::optional<cd::CdText> discCdText(const MediumState& state);

/// Streams the RW_RAW DATAFILE: per sector from LBA 0 to binSectorCount, 2352 bytes of audio with each 16-bit
/// sample byte-swapped to big-endian, then the stored 96 R–W symbols masked to bits 5–0. Chunked like streamBin.
void streamRwRaw(MediumStore& store, const MediumState& state,
                 const std::function<void(std::span<const std::uint8_t>)>& sink, std::int32_t chunkSectors = 64);
/// Bytes per RW_RAW DATAFILE record.
inline constexpr std::size_t kRwRawRecordBytes = kSectorBytes + kSubchannelBytes;

/// A canonical 44-byte RIFF/WAVE header for `dataBytes` of 44.1 kHz, 16-bit, stereo PCM.
std::array<std::uint8_t, 44> wavHeader(std::uint32_t dataBytes);

/// Streams the BIN: reads the store in chunks of `chunkSectors` sectors and hands each chunk to `sink`
/// (memory stays bounded whatever the disc length). Throws what the store throws.
void streamBin(MediumStore& store, const MediumState& state,
               const std::function<void(std::span<const std::uint8_t>)>& sink, std::int32_t chunkSectors = 64);

}  // namespace kiln::vdrive
