#include "native-helper/cue/cue_sheet.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "core/cd/cdtext.h"
#include "core/cd/subcode.h"
#include "core/imapi/error.h"

namespace kiln::cue {
namespace {

std::string upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

/// Splits a line into words; "quoted text" is one word (quotes removed). Unterminated quote → ok = false.
std::vector<std::string> words(const std::string& line, bool& ok) {
  std::vector<std::string> out;
  ok = true;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    if (i >= line.size()) break;
    std::string w;
    if (line[i] == '"') {
      const std::size_t end = line.find('"', i + 1);
      if (end == std::string::npos) {
        ok = false;
        return out;
      }
      w = line.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) w += line[i++];
    }
    out.push_back(std::move(w));
  }
  return out;
}

const std::map<std::string, std::uint8_t>& textCommands() {
  static const std::map<std::string, std::uint8_t> m{
      {"TITLE", cd::kCdTextTitle},         {"PERFORMER", cd::kCdTextPerformer}, {"SONGWRITER", cd::kCdTextSongwriter},
      {"COMPOSER", cd::kCdTextComposer},   {"ARRANGER", cd::kCdTextArranger},   {"MESSAGE", cd::kCdTextMessage}};
  return m;
}

/// Parser state for one sheet; each command handler checks where it may appear.
class Parser {
 public:
  explicit Parser(std::string name) { sheet_.name = std::move(name); }

  void line(const std::string& raw, int number) {
    line_ = number;
    bool ok = true;
    std::vector<std::string> w = words(raw, ok);
    if (!ok) fail("unterminated quote");
    if (w.empty()) return;
    const std::string cmd = upper(w[0]);
    if (cmd == "REM") return;
    if (cmd == "FILE") return file(w);
    if (cmd == "TRACK") return track(w);
    if (cmd == "INDEX") return index(w);
    if (cmd == "PREGAP" || cmd == "POSTGAP") return gap(cmd, w);
    if (cmd == "CATALOG") return catalog(w);
    if (cmd == "ISRC") return isrc(w);
    if (cmd == "FLAGS") return flags(w);
    if (cmd == "CDTEXTFILE") return cdTextFile(w);
    if (const auto it = textCommands().find(cmd); it != textCommands().end()) return text(cmd, it->second, w);
    warn("unknown command " + w[0] + " ignored");
  }

  CueSheet finish() {
    if (sheet_.tracks.empty()) {
      line_ = 0;
      throw Error(HResult::E_INVALIDARG, sheet_.name + ": no TRACK in the sheet");
    }
    checkTrackComplete();
    return std::move(sheet_);
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw Error(HResult::E_INVALIDARG, sheet_.name + ":" + std::to_string(line_) + ": " + what);
  }
  void warn(const std::string& what) { sheet_.warnings.push_back(sheet_.name + ":" + std::to_string(line_) + ": " + what); }
  void need(const std::vector<std::string>& w, std::size_t n, const char* usage) const {
    if (w.size() < n) fail(std::string("expected ") + usage);
  }
  CueTrack& current(const std::string& cmd) {
    if (sheet_.tracks.empty()) fail(cmd + " before TRACK");
    return sheet_.tracks.back();
  }

  void file(const std::vector<std::string>& w) {
    need(w, 3, "FILE \"name\" TYPE");
    const std::string type = upper(w.back());
    CueFile f{w[1], FileType::Decoded, line_};
    if (type == "BINARY") f.type = FileType::BinaryLE;
    else if (type == "MOTOROLA") f.type = FileType::BinaryBE;
    else if (type == "WAVE" || type == "AIFF" || type == "FLAC" || type == "MP3" || type == "OGG") f.type = FileType::Decoded;
    else fail("unknown FILE type " + w.back() + " (BINARY, MOTOROLA, WAVE, AIFF, FLAC, MP3)");
    sheet_.files.push_back(std::move(f));
  }

  void track(const std::vector<std::string>& w) {
    need(w, 3, "TRACK nn AUDIO");
    if (sheet_.files.empty()) fail("TRACK before FILE");
    checkTrackComplete();
    int n = 0;
    try {
      n = std::stoi(w[1]);
    } catch (const std::exception&) {
      fail("bad track number '" + w[1] + "'");
    }
    if (n < 1 || n > 99) fail("track number " + w[1] + " outside 1..99");
    if (!sheet_.tracks.empty() && n != sheet_.tracks.back().number + 1)
      fail("TRACK " + w[1] + " after TRACK " + std::to_string(sheet_.tracks.back().number) + " (numbers must be consecutive)");
    if (upper(w[2]) != "AUDIO") fail("TRACK " + w[1] + " is " + w[2] + ": only AUDIO tracks can be burnt");
    CueTrack t;
    t.number = n;
    t.line = line_;
    sheet_.tracks.push_back(std::move(t));
  }

  void index(const std::vector<std::string>& w) {
    need(w, 3, "INDEX nn MM:SS:FF");
    int n = -1;
    try {
      n = std::stoi(w[1]);
    } catch (const std::exception&) {
    }
    if (n < 0 || n > 99) fail("bad index number '" + w[1] + "'");
    CueTrack& t = current("INDEX " + w[1]);
    const std::int32_t s = parseMsf(w[2]);
    if (s < 0) fail("bad time '" + w[2] + "' (MM:SS:FF, FF < 75)");
    if (t.indexes.empty() ? n > 1 : n != t.indexes.back().number + 1)
      fail("INDEX " + w[1] + (t.indexes.empty() ? " is the track's first index (must be 00 or 01)"
                                                : std::string(" after INDEX ") + (t.indexes.back().number < 10 ? "0" : "") +
                                                      std::to_string(t.indexes.back().number)));
    const int f = static_cast<int>(sheet_.files.size()) - 1;
    if (!t.indexes.empty() && t.indexes.back().file == f && s < t.indexes.back().sectors)
      fail("INDEX " + w[1] + " at " + w[2] + " is before the previous index in the same FILE");
    t.indexes.push_back({n, f, s, line_});
  }

  void gap(const std::string& cmd, const std::vector<std::string>& w) {
    need(w, 2, (cmd + " MM:SS:FF").c_str());
    CueTrack& t = current(cmd);
    const std::int32_t s = parseMsf(w[1]);
    if (s < 0) fail("bad time '" + w[1] + "' (MM:SS:FF, FF < 75)");
    if (cmd == "PREGAP") {
      if (!t.indexes.empty()) fail("PREGAP after INDEX (it must come before the track's first INDEX)");
      t.pregapSectors = s;
    } else {
      t.postgapSectors = s;
    }
  }

  void catalog(const std::vector<std::string>& w) {
    need(w, 2, "CATALOG 13DIGITS");
    if (!isValidMcn(w[1])) fail("CATALOG '" + w[1] + "' is not 13 digits");
    sheet_.catalog = w[1];
  }

  void isrc(const std::vector<std::string>& w) {
    need(w, 2, "ISRC CCOOOYYSSSSS");
    CueTrack& t = current("ISRC");
    if (!isValidIsrc(w[1])) fail("ISRC '" + w[1] + "' is not 12 characters CCOOOYYSSSSS");
    t.isrc = w[1];
  }

  void flags(const std::vector<std::string>& w) {
    CueTrack& t = current("FLAGS");
    for (std::size_t i = 1; i < w.size(); ++i) {
      const std::string f = upper(w[i]);
      if (f == "DCP") t.flagDcp = true;
      else if (f == "PRE") t.flagPre = true;
      else if (f == "SCMS") t.flagScms = true;
      else if (f == "4CH") warn("FLAGS 4CH ignored (four-channel audio is not supported; the track is burnt as stereo)");
      else if (f == "DATA") fail("FLAGS DATA: only audio tracks can be burnt");
      else warn("unknown flag " + w[i] + " ignored");
    }
  }

  void cdTextFile(const std::vector<std::string>& w) {
    need(w, 2, "CDTEXTFILE \"name\"");
    sheet_.cdTextFile = w[1];
    sheet_.cdTextFileLine = line_;
  }

  void text(const std::string& cmd, std::uint8_t type, const std::vector<std::string>& w) {
    need(w, 2, (cmd + " \"text\"").c_str());
    std::string value = w[1];
    for (std::size_t i = 2; i < w.size(); ++i) value += " " + w[i];  // unquoted text with spaces
    if (sheet_.tracks.empty()) sheet_.texts[type] = value;
    else sheet_.tracks.back().texts[type] = value;
  }

  void checkTrackComplete() {
    if (sheet_.tracks.empty()) return;
    const CueTrack& t = sheet_.tracks.back();
    if (t.index(1) == nullptr) {
      line_ = t.line;
      fail("TRACK " + std::to_string(t.number) + " has no INDEX 01");
    }
  }

  CueSheet sheet_;
  int line_ = 0;
};

}  // namespace

const CueIndex* CueTrack::index(int number) const {
  for (const CueIndex& i : indexes)
    if (i.number == number) return &i;
  return nullptr;
}

std::int32_t parseMsf(const std::string& text) {
  int m = 0, s = 0, f = 0;
  char c1 = 0, c2 = 0, extra = 0;
  if (std::sscanf(text.c_str(), "%d%c%d%c%d%c", &m, &c1, &s, &c2, &f, &extra) != 5 || c1 != ':' || c2 != ':') return -1;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return c == ':' || std::isdigit(static_cast<unsigned char>(c)); }))
    return -1;
  if (m < 0 || s < 0 || s >= 60 || f < 0 || f >= 75) return -1;
  return (m * 60 + s) * 75 + f;
}

bool isValidIsrc(const std::string& isrc) { return cd::isValidIsrc(isrc); }

bool isValidMcn(const std::string& mcn) {
  return mcn.size() == 13 && std::all_of(mcn.begin(), mcn.end(), [](char c) { return c >= '0' && c <= '9'; });
}

CueSheet parseCueSheet(const std::string& text, const std::string& name) {
  Parser p(name);
  std::istringstream in(text);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (n == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    p.line(line, n);
  }
  return p.finish();
}

CueSheet loadCueSheet(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND, path + ": cannot open the cue sheet");
  std::ostringstream s;
  s << in.rdbuf();
  const std::size_t slash = path.find_last_of('/');
  return parseCueSheet(s.str(), slash == std::string::npos ? path : path.substr(slash + 1));
}

}  // namespace kiln::cue
