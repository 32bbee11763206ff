/**
 * Push decoders for each format, wrapped to one interface. The codec work is done by well-kept libraries
 * (mpg123-decoder, @wasm-audio-decoders/flac, @wasm-audio-decoders/ogg-vorbis, ogg-opus-decoder; all MIT,
 * with the LGPL-3.0 codec-parser, see THIRD_PARTY.md). AAC/M4A is decoded by WebCodecs (see aac.ts).
 * Each library is loaded on first use so the page does not download decoders it does not need.
 */
import type { AudioFormat, DecodedChunk, StreamDecoder } from './types';
import { WavDecoder } from './wav';

interface LibDecoder {
  ready: Promise<void>;
  decode(bytes: Uint8Array): DecodedChunk | Promise<DecodedChunk>;
  flush?(): Promise<DecodedChunk>;
  free(): void;
}

class LibStreamDecoder implements StreamDecoder {
  constructor(private readonly lib: LibDecoder, private readonly fixedRate?: number) {}
  async decode(bytes: Uint8Array): Promise<DecodedChunk> { return this.checked(await this.lib.decode(bytes)); }
  async flush(): Promise<DecodedChunk> {
    return this.lib.flush ? this.checked(await this.lib.flush()) : { channelData: [], sampleRate: this.fixedRate ?? 0 };
  }
  free(): void { this.lib.free(); }
  private checked(r: DecodedChunk & { errors?: { message: string }[]; samplesDecoded?: number }): DecodedChunk {
    const bitDepth = r.bitDepth;
    if (r.errors?.length && !r.samplesDecoded) throw new Error(`decode error: ${r.errors[0].message}`);
    return { channelData: r.channelData, sampleRate: r.sampleRate || this.fixedRate || 0, bitDepth };
  }
}

/** Creates a ready-to-use push decoder for `format` ('aac' has no push decoder: use decodeAac). */
export async function createDecoder(format: Exclude<AudioFormat, 'aac'>): Promise<StreamDecoder> {
  let lib: LibDecoder;
  switch (format) {
    case 'wav': return new WavDecoder();
    case 'mp3': { const m = await import('mpg123-decoder'); lib = new m.MPEGDecoder({ enableGapless: true }) as unknown as LibDecoder; break; }
    case 'flac': { const m = await import('@wasm-audio-decoders/flac'); lib = new m.FLACDecoder() as unknown as LibDecoder; break; }
    case 'vorbis': { const m = await import('@wasm-audio-decoders/ogg-vorbis'); lib = new m.OggVorbisDecoder() as unknown as LibDecoder; break; }
    case 'opus': { const m = await import('ogg-opus-decoder'); lib = new m.OggOpusDecoder({ forceStereo: false }) as unknown as LibDecoder; break; }
  }
  await lib.ready;
  return new LibStreamDecoder(lib, format === 'opus' ? 48000 : undefined);
}
