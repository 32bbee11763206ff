/**
 * Streaming RIFF/WAVE reader (PCM 8/16/24/32-bit integer, 32/64-bit float, WAVE_FORMAT_EXTENSIBLE).
 * WAV is a container of raw samples, so this is parsing, not a codec.
 */
import type { DecodedChunk, StreamDecoder } from './types';

interface WavFormat { channels: number; sampleRate: number; bits: number; float: boolean; blockAlign: number }

export class WavDecoder implements StreamDecoder {
  private head: Uint8Array = new Uint8Array(0);
  private fmt: WavFormat | null = null;
  private dataLeft = 0;
  private inData = false;
  private carry: Uint8Array = new Uint8Array(0);

  async decode(bytes: Uint8Array): Promise<DecodedChunk> {
    if (!this.inData) {
      this.head = concat(this.head, bytes);
      const start = this.parseHeader();
      if (start < 0) return this.empty();
      bytes = this.head.subarray(start);
      this.head = new Uint8Array(0);
    }
    return this.samples(bytes);
  }

  async flush(): Promise<DecodedChunk> {
    if (!this.fmt) throw new Error('not a WAV file (no fmt/data chunk found)');
    return this.empty();
  }

  free(): void {}

  private empty(): DecodedChunk {
    return { channelData: Array.from({ length: this.fmt?.channels ?? 2 }, () => new Float32Array(0)), sampleRate: this.fmt?.sampleRate ?? 44100 };
  }

  /** Returns the offset in `head` where sample data starts, or −1 if more bytes are needed. */
  private parseHeader(): number {
    const h = this.head, v = new DataView(h.buffer, h.byteOffset, h.byteLength);
    if (h.length < 12) return -1;
    if (tag(h, 0) !== 'RIFF' || tag(h, 8) !== 'WAVE') throw new Error('not a RIFF/WAVE file');
    let p = 12;
    while (p + 8 <= h.length) {
      const id = tag(h, p), size = v.getUint32(p + 4, true);
      if (id === 'data') {
        if (!this.fmt) throw new Error('WAV data chunk before fmt chunk');
        this.dataLeft = size === 0xffffffff || size === 0 ? Infinity : size;
        this.inData = true;
        return p + 8;
      }
      if (p + 8 + size > h.length) return -1;
      if (id === 'fmt ') this.fmt = parseFmt(v, p + 8, size);
      p += 8 + size + (size & 1);
    }
    return -1;
  }

  private samples(bytes: Uint8Array): DecodedChunk {
    const f = this.fmt!;
    if (bytes.length > this.dataLeft) bytes = bytes.subarray(0, this.dataLeft);
    this.dataLeft -= bytes.length;
    const all = concat(this.carry, bytes);
    const frames = Math.floor(all.length / f.blockAlign);
    this.carry = all.slice(frames * f.blockAlign);
    const v = new DataView(all.buffer, all.byteOffset, all.byteLength);
    const out = Array.from({ length: f.channels }, () => new Float32Array(frames));
    const bps = f.bits / 8;
    for (let i = 0; i < frames; i++) {
      for (let c = 0; c < f.channels; c++) out[c][i] = readSample(v, i * f.blockAlign + c * bps, f);
    }
    return { channelData: out, sampleRate: f.sampleRate };
  }
}

function parseFmt(v: DataView, o: number, size: number): WavFormat {
  let tagId = v.getUint16(o, true);
  const channels = v.getUint16(o + 2, true), sampleRate = v.getUint32(o + 4, true);
  const blockAlign = v.getUint16(o + 12, true), bits = v.getUint16(o + 14, true);
  if (tagId === 0xfffe && size >= 26) tagId = v.getUint16(o + 24, true); // extensible: sub-format GUID's first 2 bytes
  const float = tagId === 3;
  if (!(tagId === 1 || float) || ![8, 16, 24, 32, 64].includes(bits) || (float && bits < 32)) {
    throw new Error(`unsupported WAV encoding (format ${tagId}, ${bits} bits)`);
  }
  if (!channels || !sampleRate || blockAlign < (channels * bits) / 8) throw new Error('corrupt WAV fmt chunk');
  return { channels, sampleRate, bits, float, blockAlign };
}

function readSample(v: DataView, o: number, f: WavFormat): number {
  if (f.float) return f.bits === 32 ? v.getFloat32(o, true) : v.getFloat64(o, true);
  switch (f.bits) {
    case 8: return (v.getUint8(o) - 128) / 128;
    case 16: return v.getInt16(o, true) / 32768;
    case 24: return ((v.getUint8(o) | (v.getUint8(o + 1) << 8) | (v.getInt8(o + 2) << 16))) / 8388608;
    default: return v.getInt32(o, true) / 2147483648;
  }
}

const tag = (b: Uint8Array, o: number) => String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const r = new Uint8Array(a.length + b.length);
  r.set(a); r.set(b, a.length);
  return r;
}
