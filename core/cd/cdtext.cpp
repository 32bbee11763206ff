#include "core/cd/cdtext.h"

#include <algorithm>

#include "core/cd/crc.h"
#include "core/imapi/error.h"

namespace kiln::cd {
namespace {

constexpr std::size_t kPayload = 12;
constexpr std::size_t kMaxPacksPerBlock = 256;
constexpr std::uint8_t kTrackTextTypes[] = {0x80, 0x81, 0x82, 0x83, 0x84, 0x85};

[[noreturn]] void bad(const std::string& what) { throw Error(HResult::E_INVALIDARG, "CD-TEXT: " + what); }

/// A pack type's payload stream with, per byte, the text item it belongs to and its character index there.
struct Stream {
  std::vector<std::uint8_t> bytes;
  std::vector<std::uint8_t> item;  ///< 0 = album, i = i-th track
  std::vector<std::size_t> charIndex;
  void add(std::uint8_t b, std::uint8_t it, std::size_t ci) {
    bytes.push_back(b);
    item.push_back(it);
    charIndex.push_back(ci);
  }
  void addText(const std::string& t, std::uint8_t it, std::size_t bytesPerChar, std::size_t skip = 0) {
    for (std::size_t i = 0; i < t.size(); ++i) add(static_cast<std::uint8_t>(t[i]), it, (skip + i) / bytesPerChar);
    for (std::size_t i = 0; i < bytesPerChar; ++i) add(0, it, (skip + t.size()) / bytesPerChar);
  }
};

bool allEmpty(const std::vector<std::string>& v) {
  return std::all_of(v.begin(), v.end(), [](const std::string& s) { return s.empty(); });
}

Stream trackTextStream(const std::vector<std::string>& texts, std::size_t items, bool dbcs, bool useTab) {
  Stream s;
  const std::size_t bpc = dbcs ? 2 : 1;
  const std::string tab(bpc, '\t');
  for (std::size_t i = 0; i < items; ++i) {
    const std::string& t = i < texts.size() ? texts[i] : std::string();
    const bool same = useTab && i >= 2 && !t.empty() && i - 1 < texts.size() && texts[i - 1] == t;
    s.addText(same ? tab : t, static_cast<std::uint8_t>(i), bpc);
  }
  return s;
}

struct BlockBuilder {
  std::uint8_t blockNo;
  std::uint8_t firstTrack;
  bool dbcs;
  std::vector<CdTextPack> packs;
  std::array<std::uint8_t, 16> counts{};

  void emit(std::uint8_t type, const Stream& s) {
    for (std::size_t off = 0; off < s.bytes.size(); off += kPayload) {
      CdTextPack p{};
      p[0] = type;
      p[1] = s.item[off] == 0 ? 0 : static_cast<std::uint8_t>(firstTrack + s.item[off] - 1);
      p[2] = static_cast<std::uint8_t>(packs.size());
      p[3] = static_cast<std::uint8_t>((dbcs ? 0x80 : 0) | blockNo << 4 | std::min<std::size_t>(15, s.charIndex[off]));
      for (std::size_t i = 0; i < kPayload && off + i < s.bytes.size(); ++i) p[4 + i] = s.bytes[off + i];
      packs.push_back(p);
      ++counts[type - 0x80];
    }
  }
};

std::vector<CdTextPack> blockTextPacks(const CdTextBlock& b, std::uint8_t blockNo, const CdText& text, bool useTab,
                                       std::array<std::uint8_t, 16>& counts) {
  const bool dbcs = b.charset == kCharsetMsJis;
  const std::size_t items = 1u + text.lastTrack - text.firstTrack + 1u;
  BlockBuilder bb{blockNo, text.firstTrack, dbcs, {}, {}};
  auto trackType = [&](std::uint8_t type) {
    const auto it = b.texts.find(type);
    if (it != b.texts.end() && !allEmpty(it->second)) bb.emit(type, trackTextStream(it->second, items, dbcs, useTab));
  };
  for (std::uint8_t type : kTrackTextTypes) trackType(type);
  if (!b.discId.empty()) {
    Stream s;
    s.addText(b.discId, 0, 1);
    bb.emit(kCdTextDiscId, s);
  }
  if (b.hasGenre) {
    Stream s;
    s.add(static_cast<std::uint8_t>(b.genreCode >> 8), 0, 0);
    s.add(static_cast<std::uint8_t>(b.genreCode & 0xFF), 0, 1);
    s.addText(b.genreText, 0, 1, 2);
    bb.emit(kCdTextGenre, s);
  }
  if (!b.closedInfo.empty()) {
    Stream s;
    s.addText(b.closedInfo, 0, 1);
    bb.emit(kCdTextClosedInfo, s);
  }
  for (const auto& [type, v] : b.texts)
    if (type != kCdTextUpcIsrc && std::find(std::begin(kTrackTextTypes), std::end(kTrackTextTypes), type) == std::end(kTrackTextTypes))
      bad("unsupported text pack type " + std::to_string(type));
  {
    const auto it = b.texts.find(kCdTextUpcIsrc);
    if (it != b.texts.end() && !allEmpty(it->second))
      bb.emit(kCdTextUpcIsrc, trackTextStream(it->second, items, false, false));  // ASCII; codes are never TABbed
  }
  counts = bb.counts;
  counts[0x0F] = 3;
  if (bb.packs.size() + 3 > kMaxPacksPerBlock)
    bad("block " + std::to_string(blockNo) + " needs " + std::to_string(bb.packs.size() + 3) + " packs; at most 256 fit");
  return std::move(bb.packs);
}

std::string textUpTo(const std::vector<std::uint8_t>& s, std::size_t from, std::size_t bpc, std::size_t* next) {
  std::string t;
  std::size_t i = from;
  while (i + bpc <= s.size()) {
    bool term = true;
    for (std::size_t k = 0; k < bpc; ++k) term = term && s[i + k] == 0;
    if (term) break;
    for (std::size_t k = 0; k < bpc; ++k) t.push_back(static_cast<char>(s[i + k]));
    i += bpc;
  }
  *next = i + bpc;
  return t;
}

std::vector<std::string> splitTrackTexts(const std::vector<std::uint8_t>& s, bool dbcs, std::size_t maxItems) {
  const std::size_t bpc = dbcs ? 2 : 1;
  const std::string tab(bpc, '\t');
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < s.size() && out.size() < maxItems) {
    std::string t = textUpTo(s, pos, bpc, &pos);
    if (t == tab && !out.empty()) t = out.back();
    out.push_back(std::move(t));
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

bool cdTextPackCrcOk(const CdTextPack& p) {
  const std::uint16_t crc = crc16Subcode(p.data(), 16);
  return p[16] == (crc >> 8) && p[17] == (crc & 0xFF);
}

void setCdTextPackCrc(CdTextPack& p) {
  const std::uint16_t crc = crc16Subcode(p.data(), 16);
  p[16] = static_cast<std::uint8_t>(crc >> 8);
  p[17] = static_cast<std::uint8_t>(crc & 0xFF);
}

std::vector<CdTextPack> buildCdTextPacks(const CdText& text, bool useTab) {
  if (text.blocks.empty() || text.blocks.size() > 8) bad("need 1..8 blocks");
  if (text.firstTrack == 0 || text.lastTrack < text.firstTrack || text.lastTrack > 99) bad("bad track range");
  std::vector<std::vector<CdTextPack>> blocks;
  std::vector<std::array<std::uint8_t, 16>> counts(text.blocks.size());
  std::array<std::uint8_t, 36> record{};
  for (std::size_t b = 0; b < text.blocks.size(); ++b) {
    blocks.push_back(blockTextPacks(text.blocks[b], static_cast<std::uint8_t>(b), text, useTab, counts[b]));
    record[20 + b] = static_cast<std::uint8_t>(blocks[b].size() + 2);  // last sequence number incl. 3 × 8Fh
    record[28 + b] = text.blocks[b].language;
  }
  std::vector<CdTextPack> out;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const CdTextBlock& blk = text.blocks[b];
    record[0] = blk.charset;
    record[1] = text.firstTrack;
    record[2] = text.lastTrack;
    record[3] = blk.copyright;
    std::copy(counts[b].begin(), counts[b].end(), record.begin() + 4);
    for (int part = 0; part < 3; ++part) {
      CdTextPack p{};
      p[0] = kCdTextSizeInfo;
      p[1] = static_cast<std::uint8_t>(part);
      p[2] = static_cast<std::uint8_t>(blocks[b].size());
      p[3] = static_cast<std::uint8_t>((blk.charset == kCharsetMsJis ? 0x80 : 0) | b << 4);
      std::copy(record.begin() + 12 * part, record.begin() + 12 * part + 12, p.begin() + 4);
      blocks[b].push_back(p);
    }
    for (CdTextPack& p : blocks[b]) {
      setCdTextPackCrc(p);
      out.push_back(p);
    }
  }
  return out;
}

CdText parseCdTextPacks(const std::vector<CdTextPack>& packs) {
  for (std::size_t i = 0; i < packs.size(); ++i)
    if (!cdTextPackCrcOk(packs[i])) bad("pack " + std::to_string(i) + " has a bad CRC");
  std::vector<CdTextPack> sorted = packs;
  std::stable_sort(sorted.begin(), sorted.end(), [](const CdTextPack& a, const CdTextPack& b) {
    return ((a[3] >> 4) & 7) != ((b[3] >> 4) & 7) ? ((a[3] >> 4) & 7) < ((b[3] >> 4) & 7) : a[2] < b[2];
  });
  CdText out;
  out.blocks.clear();
  bool haveRange = false;
  std::size_t i = 0;
  while (i < sorted.size()) {
    const int blockNo = (sorted[i][3] >> 4) & 7;
    std::map<std::uint8_t, std::vector<std::uint8_t>> streams;
    std::map<std::uint8_t, std::uint8_t> firstTrackByte;
    std::array<std::uint8_t, 36> record{};
    bool haveRecord = false;
    for (; i < sorted.size() && ((sorted[i][3] >> 4) & 7) == blockNo; ++i) {
      const CdTextPack& p = sorted[i];
      if (p[0] == kCdTextSizeInfo && p[1] < 3) {
        std::copy(p.begin() + 4, p.begin() + 16, record.begin() + 12 * p[1]);
        haveRecord = true;
        continue;
      }
      if (!streams.count(p[0])) firstTrackByte[p[0]] = p[1];
      streams[p[0]].insert(streams[p[0]].end(), p.begin() + 4, p.begin() + 16);
    }
    CdTextBlock blk;
    if (haveRecord) {
      blk.charset = record[0];
      blk.copyright = record[3];
      blk.language = record[28 + blockNo];
      if (!haveRange) {
        out.firstTrack = record[1];
        out.lastTrack = record[2];
        haveRange = true;
      }
    }
    const bool dbcs = blk.charset == kCharsetMsJis;
    std::size_t next = 0;
    for (const auto& [type, bytes] : streams) {
      if ((type >= 0x80 && type <= 0x85) || type == kCdTextUpcIsrc) {
        const bool typeDbcs = dbcs && type != kCdTextUpcIsrc;
        std::vector<std::string> texts;
        if (firstTrackByte[type] != 0) texts.assign(1u + firstTrackByte[type] - out.firstTrack, std::string());
        const std::size_t maxItems = haveRecord ? 1u + out.lastTrack - out.firstTrack + 1u : 100u;
        for (auto& t : splitTrackTexts(bytes, typeDbcs, maxItems - std::min(maxItems, texts.size())))
          texts.push_back(std::move(t));
        if (haveRecord) texts.resize(maxItems);  // one entry per item, like the builder's input
        blk.texts[type] = std::move(texts);
      } else if (type == kCdTextDiscId) {
        blk.discId = textUpTo(bytes, 0, 1, &next);
      } else if (type == kCdTextGenre && bytes.size() >= 2) {
        blk.hasGenre = true;
        blk.genreCode = static_cast<std::uint16_t>(bytes[0] << 8 | bytes[1]);
        blk.genreText = textUpTo(bytes, 2, 1, &next);
      } else if (type == kCdTextClosedInfo) {
        blk.closedInfo = textUpTo(bytes, 0, 1, &next);
      }
    }
    if (!haveRange) {
      std::size_t items = 1;
      for (const auto& [type, v] : blk.texts) items = std::max(items, v.size());
      out.lastTrack = static_cast<std::uint8_t>(std::max<std::size_t>(1, items - 1));
    }
    out.blocks.push_back(std::move(blk));
  }
  return out;
}

}  // namespace kiln::cd
