/**
 * File → CD audio: decode (streaming), resample to 44.1 kHz, convert to 16-bit signed little-endian
 * interleaved stereo — the format core's AudioStream takes (core/formats/audio_stream.h). Memory is bounded by
 * one read slice of the file plus one decoded chunk, whatever the file's length.
 */
import { createDecoder } from './decoders';
import { decodeAac } from './aac';
import { Resampler } from './resampler';
import { sniffFormat } from './sniff';
import type { AudioFormat, DecodedChunk } from './types';

/** CD audio sample rate (Red Book; ECMA-130 §16). */
export const CD_RATE = 44100;
/** Bytes of the file read per step. */
export const READ_SLICE_BYTES = 256 * 1024;

/** Decoded chunks of a file at its own rate. */
export async function* decodeFile(blob: Blob, format: AudioFormat): AsyncGenerator<DecodedChunk> {
  if (format === 'aac') { yield* decodeAac(blob); return; }
  const dec = await createDecoder(format);
  try {
    for (let pos = 0; pos < blob.size; pos += READ_SLICE_BYTES) {
      const bytes = new Uint8Array(await blob.slice(pos, pos + READ_SLICE_BYTES).arrayBuffer());
      const chunk = await dec.decode(bytes);
      if (chunk.channelData[0]?.length) yield chunk;
    }
    const last = await dec.flush();
    if (last.channelData[0]?.length) yield last;
  } finally {
    dec.free();
  }
}

/** Detects the format of `blob` from its first bytes (and name). */
export async function detectFormat(blob: Blob, name = ''): Promise<AudioFormat | null> {
  const head = new Uint8Array(await blob.slice(0, 4096).arrayBuffer());
  return sniffFormat(head, name);
}

/** Stereo from any channel count: mono is duplicated, more than two channels keep front left/right. */
export function toStereo(ch: readonly Float32Array[]): [Float32Array, Float32Array] {
  if (ch.length === 0) return [new Float32Array(0), new Float32Array(0)];
  return [ch[0], ch.length > 1 ? ch[1] : ch[0]];
}

/** 16-bit LE interleaved stereo bytes from two float planes: round(x · scale), clipped to [−32768, 32767].
 *  `scale` is 32768 for floats in [−1, 1); FLAC sources use flacScale(bits) so integers come back exactly. */
export function floatToS16Interleaved(l: Float32Array, r: Float32Array, scale = 32768): Uint8Array {
  const out = new Int16Array(l.length * 2);
  for (let i = 0; i < l.length; i++) {
    out[2 * i] = clip16(l[i] * scale);
    out[2 * i + 1] = clip16(r[i] * scale);
  }
  // Int16Array uses the platform's byte order; every platform a browser runs on is little-endian.
  return new Uint8Array(out.buffer);
}

/** @wasm-audio-decoders/flac 0.2.11 outputs sample / (2^(bits−1) − 1) (measured: every 16-bit sample k comes
 *  out as k/32767, see cdPcm.test.ts), so this scale turns its floats back into the 16-bit values exactly
 *  (bit-exact for 16-bit FLAC; 24-bit sources are rounded to 16 bits). */
export function flacScale(bits: number): number {
  return (2 ** (bits - 1) - 1) * 2 ** (16 - bits);
}

function clip16(x: number): number {
  const v = Math.round(x);
  return v > 32767 ? 32767 : v < -32768 ? -32768 : v;
}

/** The CD-audio bytes of a file, chunk by chunk (each a multiple of 4 bytes). Throws on decode errors or
 *  a sample-rate change mid-stream. */
export async function* cdPcmChunks(blob: Blob, format: AudioFormat): AsyncGenerator<Uint8Array> {
  let rs: Resampler | null = null;
  let scale = 0;
  for await (const chunk of decodeFile(blob, format)) {
    rs ??= new Resampler(chunk.sampleRate, CD_RATE, 2);
    if (chunk.sampleRate !== rs.inRate) throw new Error(`sample rate changes mid-stream (${rs.inRate} → ${chunk.sampleRate} Hz)`);
    scale ||= format === 'flac' && chunk.bitDepth ? flacScale(chunk.bitDepth) : 32768;
    const [l, r] = rs.push(toStereo(chunk.channelData));
    if (l.length) yield floatToS16Interleaved(l, r, scale);
  }
  if (rs) {
    const [l, r] = rs.flush();
    if (l.length) yield floatToS16Interleaved(l, r, scale);
  }
}

export interface ProbeResult {
  format: AudioFormat;
  sampleRate: number;
  channels: number;
  /** Stereo frames at 44.1 kHz the track will have on disc (before padding to whole sectors). */
  cdFrames: number;
  /** cdFrames × 4: the exact AudioStream size in bytes. */
  pcmBytes: number;
}

/** Decodes the whole file once (without keeping the audio) to learn its exact length at 44.1 kHz. */
export async function probeFile(blob: Blob, name = ''): Promise<ProbeResult> {
  const format = await detectFormat(blob, name);
  if (!format) throw new Error('not an audio format Kiln can read (MP3, FLAC, Ogg Vorbis, Opus, WAV, AAC/M4A)');
  let frames = 0, rate = 0, channels = 0;
  for await (const chunk of decodeFile(blob, format)) {
    rate ||= chunk.sampleRate; channels ||= chunk.channelData.length;
    frames += chunk.channelData[0].length;
  }
  if (!rate) throw new Error('the file holds no audio');
  const cdFrames = Resampler.outputFrames(frames, rate, CD_RATE);
  return { format, sampleRate: rate, channels, cdFrames, pcmBytes: cdFrames * 4 };
}

/** Pull reader over cdPcmChunks for a writer that asks for N bytes at a time (AudioStream::read). Holds at
 *  most one decoded chunk. */
export class PcmReader {
  private it: AsyncGenerator<Uint8Array>;
  private pending: Uint8Array = new Uint8Array(0);
  private done = false;
  delivered = 0;

  constructor(blob: Blob, format: AudioFormat) { this.it = cdPcmChunks(blob, format); }

  /** Fills `out` as far as possible; returns the byte count, 0 only at the end. */
  async read(out: Uint8Array): Promise<number> {
    let n = 0;
    while (n < out.length) {
      if (!this.pending.length) {
        if (this.done) break;
        const r = await this.it.next();
        if (r.done) { this.done = true; break; }
        this.pending = r.value;
      }
      const take = Math.min(out.length - n, this.pending.length);
      out.set(this.pending.subarray(0, take), n);
      this.pending = this.pending.subarray(take);
      n += take;
    }
    this.delivered += n;
    return n;
  }

  /** Stops decoding early (cancel). */
  async close(): Promise<void> { await this.it.return(undefined); }
}
