#pragma once
// CD-TEXT: building and parsing the 18-byte text packs of the lead-in, and carrying them in the R–W sub-channel.
// MMC-3 Annex J / MMC-6 §6.26.3.6 (READ TOC format 5), Sony "CD TEXT" input-sheet spec as described in libburn
// doc/cdtext.txt (MMC-NOTES D.8).
#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kiln::cd {

/// One pack: type, track/part, sequence number, block+char position, 12 payload bytes, CRC-16 (big-endian).
using CdTextPack = std::array<std::uint8_t, 18>;

/// Pack types (byte 0).
inline constexpr std::uint8_t kCdTextTitle = 0x80;
inline constexpr std::uint8_t kCdTextPerformer = 0x81;
inline constexpr std::uint8_t kCdTextSongwriter = 0x82;
inline constexpr std::uint8_t kCdTextComposer = 0x83;
inline constexpr std::uint8_t kCdTextArranger = 0x84;
inline constexpr std::uint8_t kCdTextMessage = 0x85;
inline constexpr std::uint8_t kCdTextDiscId = 0x86;
inline constexpr std::uint8_t kCdTextGenre = 0x87;
inline constexpr std::uint8_t kCdTextClosedInfo = 0x8D;
inline constexpr std::uint8_t kCdTextUpcIsrc = 0x8E;
inline constexpr std::uint8_t kCdTextSizeInfo = 0x8F;

/// Character codes (8Fh record byte 0).
inline constexpr std::uint8_t kCharsetIso8859_1 = 0x00;
inline constexpr std::uint8_t kCharsetAscii = 0x01;
inline constexpr std::uint8_t kCharsetMsJis = 0x80;  ///< double-byte: texts end with two zero bytes

/// One language block. Strings hold bytes in the block's character code (not converted to UTF-8).
struct CdTextBlock {
  std::uint8_t charset = kCharsetIso8859_1;
  std::uint8_t language = 0x09;   ///< EBU Tech 3264 code (09h English, 08h German, …)
  std::uint8_t copyright = 0x00;  ///< 8Fh record byte 3 (00h none, 03h copyrighted, per Sony)
  /// Per-track texts for types 80h–85h and 8Eh: [0] = album (UPC/EAN for 8Eh), [i] = track firstTrack+i−1.
  /// Missing trailing entries are treated as empty; a type whose texts are all empty is omitted.
  std::map<std::uint8_t, std::vector<std::string>> texts;
  std::string discId;       ///< 86h (empty = omitted)
  bool hasGenre = false;    ///< 87h present
  std::uint16_t genreCode = 0;
  std::string genreText;
  std::string closedInfo;   ///< 8Dh (empty = omitted)
  friend bool operator==(const CdTextBlock&, const CdTextBlock&) = default;
};

/// All of a disc's CD-TEXT (≤ 8 blocks).
struct CdText {
  std::uint8_t firstTrack = 1;
  std::uint8_t lastTrack = 1;
  std::vector<CdTextBlock> blocks;
  friend bool operator==(const CdText&, const CdText&) = default;
};

/// Builds the pack array: per block the text packs of 80h…8Eh in type order (sequence numbers from 0 per block,
/// texts 0-terminated and spanning packs, char position = characters of the current text already in earlier packs,
/// capped at 15), then three 8Fh size-info packs; CRC on every pack. With useTab, a track text equal to the previous
/// track's is written as TAB (09h; two TABs for double-byte). Throws kiln::Error(E_INVALIDARG) for no blocks,
/// > 8 blocks, bad track range, or a block needing more than 256 packs.
std::vector<CdTextPack> buildCdTextPacks(const CdText& text, bool useTab = true);

/// Parses packs back into texts (TABs expanded). Packs may be in any order; they are sorted by block and sequence.
/// With 8Fh present, each 80h–85h/8Eh text list has exactly one entry per item (album + each track).
/// 88h/89h (TOC) packs are accepted and ignored. Charset, language, copyright and the track range come from the
/// 8Fh packs (without them: ISO-8859-1, language 0, tracks from the texts). Throws kiln::Error(E_INVALIDARG) naming
/// the first pack whose CRC is wrong.
CdText parseCdTextPacks(const std::vector<CdTextPack>& packs);

/// True if bytes 16–17 are the CRC-16 of bytes 0–15 (0x1021, inverted, big-endian). MMC-3 Annex J.
bool cdTextPackCrcOk(const CdTextPack& pack);
/// Writes the CRC-16 of bytes 0–15 into bytes 16–17.
void setCdTextPackCrc(CdTextPack& pack);

// ---- lead-in carriage: 4 packs = 72 bytes = 96 six-bit R–W symbols per sector, cycled (MMC-NOTES D.3, D.8) ----

/// 4 packs → 96 six-bit symbols (each 3 bytes become 4 symbols, MSB first; symbol bit 5 = R). @param rw96 out
void packsToRwSymbols(const CdTextPack* packs4, std::uint8_t* rw96);
/// 96 six-bit symbols → 4 packs (inverse of packsToRwSymbols).
void rwSymbolsToPacks(const std::uint8_t* rw96, CdTextPack* packs4);

/// The R–W symbols of every lead-in sector for a pack array repeated cyclically from the first lead-in sector.
/// Cooked = packs as-is ("packed" R–W, what de-interleaving readers return); interleaved = the Red Book R–W
/// interleave applied over the cyclic stream (interleaveRwCyclic), as recorded in raw P–W mode.
class CdTextLeadIn {
 public:
  /// Throws kiln::Error(E_INVALIDARG) if packs is empty.
  CdTextLeadIn(std::vector<CdTextPack> packs, bool interleaved);
  /// @param sector 0-based sector count from the lead-in start; @param rw96 out: 96 six-bit symbols
  void rw(std::int64_t sector, std::uint8_t* rw96) const;
  std::size_t packCount() const { return packs_; }

 private:
  std::size_t packs_ = 0;
  bool interleaved_ = false;
  std::vector<std::uint8_t> symbols_;  ///< the cooked cycle, packs_ × 24 symbols
};

/// Recovers the distinct packs from lead-in R–W symbols (sectors × 96): de-interleaves if asked (dropping the last
/// 7 incomplete packs), keeps packs whose CRC is good, removes repeats, and sorts by block and sequence number.
std::vector<CdTextPack> packsFromLeadIn(const std::uint8_t* rw, std::size_t sectors, bool interleaved);

}  // namespace kiln::cd
