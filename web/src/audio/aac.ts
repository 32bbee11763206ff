/**
 * AAC/M4A (and anything else in MP4/ADTS) through mediabunny's demuxer and the browser's WebCodecs
 * AudioDecoder. Samples are trimmed to [0, duration) so encoder priming/padding is not written to disc.
 * Only available where WebCodecs exists (Chromium; dedicated workers included).
 */
import type { DecodedChunk } from './types';

/** Yields planar float chunks of the first audio track of `blob`. Throws if the browser lacks WebCodecs. */
export async function* decodeAac(blob: Blob): AsyncGenerator<DecodedChunk> {
  if (typeof AudioDecoder === 'undefined') throw new Error('this browser cannot decode AAC (no WebCodecs AudioDecoder)');
  const mb = await import('mediabunny');
  const input = new mb.Input({ source: new mb.BlobSource(blob), formats: mb.ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) throw new Error('no audio track in this file');
    if (!(await track.canDecode())) throw new Error(`this browser cannot decode ${track.codec ?? 'this codec'}`);
    const duration = await track.computeDuration();
    const sink = new mb.AudioSampleSink(track);
    for await (const sample of sink.samples(0, duration)) {
      try {
        const rate = sample.sampleRate, ch = sample.numberOfChannels;
        // Trim the part of the last sample that lies past the duration (end padding).
        const frames = Math.min(sample.numberOfFrames, Math.max(0, Math.round((duration - sample.timestamp) * rate)));
        const skip = sample.timestamp < 0 ? Math.min(frames, Math.round(-sample.timestamp * rate)) : 0;
        const channelData: Float32Array[] = [];
        for (let c = 0; c < ch; c++) {
          const plane = new Float32Array(sample.numberOfFrames);
          sample.copyTo(plane, { planeIndex: c, format: 'f32-planar' });
          channelData.push(plane.slice(skip, frames));
        }
        yield { channelData, sampleRate: rate };
      } finally {
        sample.close();
      }
    }
  } finally {
    input.dispose?.();
  }
}
