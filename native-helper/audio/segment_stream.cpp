#include "native-helper/audio/segment_stream.h"

#include <algorithm>
#include <cstring>

namespace kiln::audio {

SegmentStream::SegmentStream(std::vector<cue::Segment> segments, std::vector<std::shared_ptr<SourceFile>> files)
    : segments_(std::move(segments)), files_(std::move(files)) {
  for (const cue::Segment& s : segments_) size_ += s.bytes;
}

std::size_t SegmentStream::read(std::span<std::uint8_t> out) {
  std::size_t done = 0;
  while (done < out.size() && seg_ < segments_.size()) {
    const cue::Segment& s = segments_[seg_];
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(out.size() - done, s.bytes - inSeg_));
    if (s.file < 0) std::memset(out.data() + done, 0, n);
    else files_.at(static_cast<std::size_t>(s.file))->readAt(s.offset + inSeg_, out.subspan(done, n));
    done += n;
    inSeg_ += n;
    if (inSeg_ == s.bytes) {
      // A FILE read to its end is not needed again (tracks are read in disc order): free its decoder.
      if (s.file >= 0) {
        SourceFile& f = *files_[static_cast<std::size_t>(s.file)];
        if (s.offset + s.bytes >= f.sizeBytes()) f.close();
      }
      ++seg_;
      inSeg_ = 0;
    }
  }
  return done;
}

}  // namespace kiln::audio
