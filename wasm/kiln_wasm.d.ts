// Types of the Emscripten/Embind artifact built from wasm/ (kiln.mjs + kiln.wasm). Copied next to the artifact
// by scripts/web-wasm-build; used by web/src/wasm/kilnCore.ts. Every method returns a Result instead of throwing
// (kiln::Error is caught in bindings.cpp). Methods marked "may suspend" return a Promise when the call suspends
// (Asyncify): never call into the module until it settles (kilnCore.ts queues calls).

/** kiln::Error at the boundary: IMAPI name, HRESULT (unsigned 32-bit), detail. */
export interface KilnError { name: string; hresult: number; message: string }
export type Result<T> = { ok: true; value: T } | { ok: false; error: KilnError };
export type MaybeAsync<T> = T | Promise<T>;

/** core/formats/progress.h TaoProgress (IDiscFormat2TrackAtOnceEventArgs + IWriteEngine2EventArgs). */
export interface KilnTaoProgress {
  action: 'unknown' | 'preparing' | 'writing' | 'finishing' | 'verifying';
  currentTrackNumber: number;
  startLba: number;
  sectorCount: number;
  lastReadLba: number;
  lastWrittenLba: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  totalSystemBuffer: number;
  usedSystemBuffer: number;
  totalDeviceBuffer: number;
  usedDeviceBuffer: number;
}

export interface KilnMediumProperties {
  numberOfExistingTracks: number;
  totalSectorsOnMedia: number;
  freeSectorsOnMedia: number;
  usedSectorsOnMedia: number;
  prepared: boolean;
}

export interface KilnDiscTrack { number: number; session: number; start: number; length: number; pregap: number; damaged: boolean }
export interface KilnDiscState { tracks: KilnDiscTrack[]; finalized: boolean }

/** One drive + IDiscFormat2TrackAtOnce writer. */
export interface KilnBurner {
  /** The in-browser virtual drive with a blank disc: media 'cd74' | 'cd80' | 'cdrw80'; speedX 0 = unthrottled;
   *  storage 'file' = the disc in module.kilnStore's files (outside the WASM heap; set kilnStore first),
   *  'memory' = in the WASM heap (MemoryStore). */
  openVirtual(media: string, speedX: number, storage: 'file' | 'memory'): Result<undefined>;
  /** Virtual drive: same disc (store kept), another emulated write speed in x (0 = unthrottled). */
  setVirtualSpeed(speedX: number): Result<undefined>;
  /** A USB drive through module.kilnUsb (opened and claimed by JS). */
  openWebUsb(): Result<undefined>;
  /** ClientName, test write, DoNotFinalizeMedia, SetWriteSpeed (sectors/s; ≤ 0 = fastest), PrepareMedia.
   *  Value: the SetWriteSpeed HRESULT name (S_OK, S_IMAPI_SPEEDADJUSTED, …). May suspend. */
  prepare(clientName: string, testWrite: boolean, doNotFinalize: boolean, sectorsPerSecond: number): MaybeAsync<Result<string>>;
  /** AddAudioTrack from module.kilnSources.get(sourceId), exactly sizeBytes bytes. May suspend. */
  addAudioTrack(sourceId: number, sizeBytes: number, title: string, onProgress: (p: KilnTaoProgress) => void): MaybeAsync<Result<undefined>>;
  /** ReleaseMedia (closes the session; finalises unless DoNotFinalizeMedia). May suspend. */
  release(): MaybeAsync<Result<undefined>>;
  properties(): MaybeAsync<Result<KilnMediumProperties>>;
  /** Virtual drive only. */
  discState(): Result<KilnDiscState>;
  /** Virtual drive only: the CUE sheet (vdrive/export.h) for `binName`, and the BIN's length in sectors. */
  exportCue(binName: string): Result<{ cue: string; binSectors: number }>;
  /** Virtual drive only: a copy of `count` 2352-byte sectors from `lba`. */
  readSectors(lba: number, count: number): Result<Uint8Array>;
  /** Frees the C++ object (Embind). */
  delete(): void;
}

/** The virtual drive's USB device side (to present it as a USB device in tests). */
export interface KilnUsbTransfer { status: 'ok' | 'stall' | 'error'; length: number; data?: Uint8Array }
export interface KilnUsbDevice {
  open(media: string): Result<undefined>;
  bulkOut(data: Uint8Array): Result<KilnUsbTransfer>;
  bulkIn(length: number): Result<KilnUsbTransfer>;
  control(requestType: number, request: number, value: number, index: number, out: Uint8Array, inLength: number): Result<KilnUsbTransfer>;
  clearHalt(inbound: boolean): Result<string>;
  discState(): Result<KilnDiscState>;
  readSectors(lba: number, count: number): Result<Uint8Array>;
  delete(): void;
}

/** The JS side of JsFileStore (wasm/js_file_store.h): two files, 0 = main channel (2352 B/sector), 1 = sub-channel
 *  (96 B/sector), byte offset = (LBA + 150) × record size. Called synchronously from inside the core; throw on
 *  failure (the core turns it into HRESULT_FROM_WIN32_ERROR_READ_FAULT / _WRITE_FAULT). */
export interface KilnStoreBackend {
  /** Reads into dst from byte `at`; returns the bytes read (fewer at the end of the file; the rest are zeros). */
  read(file: number, at: number, dst: Uint8Array): number;
  /** Writes all of src at byte `at` (the file grows; a gap reads as zeros). */
  write(file: number, at: number, src: Uint8Array): void;
  /** Empties the file. */
  truncate(file: number): void;
}

/** The JS side of WebUsbPipe (wasm/webusb_pipe.h). */
export interface KilnUsbBridge {
  interfaceNumber: number;
  bulkIn: number;
  bulkOut: number;
  transferOut(ep: number, data: Uint8Array, timeoutMs: number): Promise<{ status: string; bytesWritten?: number }>;
  transferIn(ep: number, length: number, timeoutMs: number): Promise<{ status: string; data?: DataView }>;
  controlOut(setup: object, data: Uint8Array, timeoutMs: number): Promise<{ status: string; bytesWritten?: number }>;
  controlIn(setup: object, length: number, timeoutMs: number): Promise<{ status: string; data?: DataView }>;
  clearHalt(direction: 'in' | 'out', ep: number): Promise<void>;
}

export interface KilnModule {
  KilnBurner: new () => KilnBurner;
  KilnUsbDevice: new () => KilnUsbDevice;
  hresultName(value: number): string;
  HEAPU8: Uint8Array;
  /** Audio sources for addAudioTrack, by id. read(max) resolves with at most max bytes; empty at the end. */
  kilnSources: Map<number, { read(maxBytes: number): Promise<Uint8Array> }>;
  /** Set to request CancelAddTrack; the core polls it (no call into the module is needed). */
  kilnCancelRequested: boolean;
  kilnUsb?: KilnUsbBridge;
  /** Backing files of a virtual drive opened with storage 'file'. */
  kilnStore?: KilnStoreBackend;
}

export default function createKilnModule(options?: {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (path: string, prefix: string) => string;
  print?: (s: string) => void;
  printErr?: (s: string) => void;
}): Promise<KilnModule>;
