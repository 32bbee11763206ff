/** Audio as decoders hand it over: planar float samples in [−1, 1] at the source rate. */
export interface DecodedChunk {
  channelData: Float32Array[];
  sampleRate: number;
  /** Bits per sample of the source when the decoder knows it (FLAC, WAV). */
  bitDepth?: number;
}

/** A push decoder: feed file bytes in any split, then flush. Throws on corrupt input. */
export interface StreamDecoder {
  decode(bytes: Uint8Array): Promise<DecodedChunk>;
  flush(): Promise<DecodedChunk>;
  free(): void;
}

/** Formats Kiln accepts (decoders per TOOLCHAIN.md). */
export type AudioFormat = 'mp3' | 'flac' | 'vorbis' | 'opus' | 'wav' | 'aac';
