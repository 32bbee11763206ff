#include "native-helper/cli/cd_text_build.h"

#include "core/imapi/error.h"

namespace kiln::cli {
namespace {

const std::map<std::string, std::uint8_t>& fieldTypes() {
  static const std::map<std::string, std::uint8_t> m{
      {"title", cd::kCdTextTitle},           {"performer", cd::kCdTextPerformer}, {"songwriter", cd::kCdTextSongwriter},
      {"composer", cd::kCdTextComposer},     {"arranger", cd::kCdTextArranger},   {"message", cd::kCdTextMessage}};
  return m;
}

int trackNumber(const std::string& text, const std::string& spec) {
  std::size_t used = 0;
  int n = 0;
  try {
    n = std::stoi(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || n < 1 || n > 99)
    throw Error(HResult::E_INVALIDARG, "'" + spec + "': the track must be a number 1..99");
  return n;
}

/// Decodes one UTF-8 sequence at s[i]; returns the code point or −1 if invalid, advancing i.
long nextCodePoint(const std::string& s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) return -1;
  long cp = extra == 0 ? c : c & (0x3F >> extra);
  for (int k = 1; k <= extra; ++k) {
    const auto d = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((d & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (d & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

}  // namespace

std::uint8_t cdTextFieldType(const std::string& field) {
  const auto it = fieldTypes().find(field);
  if (it == fieldTypes().end())
    throw Error(HResult::E_INVALIDARG,
                "unknown CD-TEXT field '" + field + "': use title, performer, songwriter, composer, arranger, message");
  return it->second;
}

void addTrackOverride(TextOverrides& o, std::uint8_t type, const std::string& spec) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string::npos) throw Error(HResult::E_INVALIDARG, "'" + spec + "': expected N=TEXT");
  o.tracks[trackNumber(spec.substr(0, eq), spec)][type] = spec.substr(eq + 1);
}

void addTextOverride(TextOverrides& o, const std::string& spec) {
  const std::size_t eq = spec.find('=');
  if (eq == std::string::npos) throw Error(HResult::E_INVALIDARG, "'" + spec + "': expected [N:]FIELD=TEXT");
  const std::string key = spec.substr(0, eq);
  const std::size_t colon = key.find(':');
  if (colon == std::string::npos) {
    o.album[cdTextFieldType(key)] = spec.substr(eq + 1);
  } else {
    o.tracks[trackNumber(key.substr(0, colon), spec)][cdTextFieldType(key.substr(colon + 1))] = spec.substr(eq + 1);
  }
}

std::string utf8ToLatin1(const std::string& text, bool& lossy) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const long cp = nextCodePoint(text, i);
    if (cp < 0) return text;  // not UTF-8: already single-byte
    if (cp > 0xFF) lossy = true;
    out += static_cast<char>(cp > 0xFF ? '?' : cp);
  }
  return out;
}

std::optional<cd::CdText> buildCdText(const TextSet& album, const std::vector<TextSet>& tracks, int firstTrack,
                                      std::vector<std::string>& warnings) {
  cd::CdTextBlock block;
  bool any = false, lossy = false;
  const auto put = [&](std::uint8_t type, std::size_t slot, const std::string& utf8) {
    if (utf8.empty()) return;
    std::vector<std::string>& v = block.texts[type];
    if (v.size() < tracks.size() + 1) v.resize(tracks.size() + 1);
    v[slot] = utf8ToLatin1(utf8, lossy);
    any = true;
  };
  for (const auto& [type, text] : album) put(type, 0, text);
  for (std::size_t i = 0; i < tracks.size(); ++i)
    for (const auto& [type, text] : tracks[i]) put(type, i + 1, text);
  if (!any) return std::nullopt;
  if (lossy) warnings.push_back("CD-TEXT is ISO-8859-1: characters it lacks were written as '?'");
  cd::CdText t;
  t.firstTrack = static_cast<std::uint8_t>(firstTrack);
  t.lastTrack = static_cast<std::uint8_t>(firstTrack + static_cast<int>(tracks.size()) - 1);
  t.blocks.push_back(std::move(block));
  return t;
}

}  // namespace kiln::cli
