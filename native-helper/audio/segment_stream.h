#pragma once
// A track of a cue sheet as a formats::AudioStream: a list of runs of FILE audio or silence (cue::Segment), read
// in order from shared SourceFiles. Memory: nothing but the caller's buffer.
#include <memory>
#include <vector>

#include "core/formats/audio_stream.h"
#include "native-helper/audio/source_file.h"
#include "native-helper/cue/cue_layout.h"

namespace kiln::audio {

class SegmentStream final : public formats::AudioStream {
 public:
  /// `files[i]` serves segments with file == i (shared with the other tracks' streams, used one after another).
  SegmentStream(std::vector<cue::Segment> segments, std::vector<std::shared_ptr<SourceFile>> files);
  std::uint64_t sizeBytes() const override { return size_; }
  /// Throws SourceFile's kiln::Error.
  std::size_t read(std::span<std::uint8_t> out) override;

 private:
  std::vector<cue::Segment> segments_;
  std::vector<std::shared_ptr<SourceFile>> files_;
  std::uint64_t size_ = 0;
  std::size_t seg_ = 0;
  std::uint64_t inSeg_ = 0;  ///< bytes of segments_[seg_] already delivered
};

}  // namespace kiln::audio
