/**
 * The burn engine as the UI sees it. Mirrors IMAPI2's IDiscFormat2TrackAtOnce: prepare the medium, add audio
 * tracks from PCM streams, cancel the current track, release (finalise unless DoNotFinalizeMedia), with
 * progress events carrying the IDiscFormat2TrackAtOnceEventArgs / IWriteEngine2EventArgs fields.
 * Implementations: WorkerBurnEngine (the real one, in a module worker) and test fakes.
 */
import type { MediaKind } from '../lib/capacity';
import type { KilnError } from '../lib/errors';
import type { AudioFormat } from '../audio/types';
import type { ClaimedDrive } from '../usb/webusb';

/** IMAPI_FORMAT2_TAO_WRITE_ACTION, plus Kiln's 'decoding' for the time spent waiting on the decoder. */
export type TaoAction = 'unknown' | 'preparing' | 'writing' | 'finishing';

/** One progress event (IDiscFormat2TrackAtOnceEventArgs + IWriteEngine2EventArgs). Times in ms, sizes in sectors. */
export interface TaoProgress {
  action: TaoAction;
  /** 1-based number of the track being written on the disc (CurrentTrackNumber); 0 before the first. */
  trackNumber: number;
  /** 1-based index of the track in this burn's list, and the list's length. */
  trackIndex: number;
  trackCount: number;
  /** StartLba / SectorCount of the current track; LastWrittenLba the drive reports. */
  startLba: number;
  sectorCount: number;
  lastWrittenLba: number;
  /** Whole-burn figures for the overall bar: sectors written of sectors to write. */
  writtenSectors: number;
  totalSectors: number;
  elapsedMs: number;
  /** Estimated from the current rate; null until there is a rate. */
  remainingMs: number | null;
  /** Drive buffer (READ BUFFER CAPACITY, MMC-6 §6.23) in bytes; total 0 when unknown. */
  bufferUsedBytes: number;
  bufferTotalBytes: number;
}

/** A track to burn: the file, how to decode it, and its exact CD-audio length (from probing). */
export interface TrackSpec {
  id: string;
  file: Blob;
  title: string;
  format: AudioFormat;
  /** Exact AudioStream size in bytes (44.1 kHz s16le stereo frames × 4). */
  pcmBytes: number;
}

/** Where to burn: the in-browser virtual drive, or a USB drive the page has opened and claimed (WebUSB). */
export type BurnTarget = { kind: 'virtual' } | { kind: 'webusb'; drive: ClaimedDrive };

export interface BurnOptions {
  media: MediaKind;
  /** Requested write speed in x (1x = 75 sectors/s); 0 = the drive's maximum (the virtual drive: unthrottled). */
  speed: number;
  /** Simulation (MMC-6 Write Parameters Test Write): the drive goes through the motions and records nothing. */
  testWrite: boolean;
  /** DoNotFinalizeMedia: leave the session open so more tracks can be added later. */
  doNotFinalize: boolean;
}

/** One track in the disc's table of contents (READ TOC format 0000b, MMC-6 §6.26). */
export interface TocEntry { number: number; startLba: number; sectors: number }

export interface BurnResult {
  outcome: 'completed' | 'cancelled' | 'failed';
  /** Tracks this burn put on the disc (a cancelled track that got data counts, shortened). */
  tracksWritten: number;
  /** Tracks on the whole disc now. */
  tracksOnDisc: number;
  finalized: boolean;
  testWrite: boolean;
  /** Set when a track was cut short by cancel: its disc track number and the sectors it got. */
  shortenedTrack?: { number: number; sectors: number; ofSectors: number };
  error?: KilnError;
  toc: TocEntry[];
  /** First sector after the last track (the lead-out start once finalised). */
  leadOutLba: number;
}

/** What the virtual drive exports: a CUE sheet and the raw 2352-byte sectors it points at. */
export interface DiscImage { cue: string; bin: Blob; binName: string }

export interface ProbeInfo {
  format: AudioFormat;
  sampleRate: number;
  channels: number;
  pcmBytes: number;
}

/** Which writer runs the burn: the Kiln core in WebAssembly, or the TypeScript preview stand-in. */
export interface EngineInfo {
  engine: 'wasm' | 'preview';
  /** Where the virtual drive keeps its disc: 'opfs' = files in the browser's Origin Private File System (memory
   *  stays flat however long the album); 'memory' = in memory (no OPFS here; grows with the disc). */
  discStorage?: 'opfs' | 'memory';
}

export interface BurnEngine {
  /** Which writer this engine uses. */
  info(): Promise<EngineInfo>;
  /** Decodes a file once to learn its exact length. Rejects with a KilnError. */
  probe(file: Blob, name: string): Promise<ProbeInfo>;
  /** Burns the tracks in order to `target` (default: the virtual drive). Resolves with the result even when
   *  cancelled or failed. */
  burn(tracks: TrackSpec[], options: BurnOptions, onProgress: (p: TaoProgress) => void, target?: BurnTarget): Promise<BurnResult>;
  /** IMAPI CancelAddTrack + release: stops after the current write; the track so far is closed. */
  cancel(): void;
  /** The virtual drive's disc as CUE/BIN (null for real drives or a blank disc). */
  exportImage(): Promise<DiscImage | null>;
  /** Puts a new blank disc in the virtual drive. */
  newDisc(media: MediaKind): Promise<void>;
}
