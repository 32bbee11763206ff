/**
 * The burn sequence on the WASM core (wasm/: TrackAtOnceWriter over UsbBotTransport to the in-browser virtual
 * drive or a WebUSB drive), IMAPI order: PrepareMedia; check the whole album against FreeSectorsOnMedia before
 * writing anything; AddAudioTrack per track (audio pulled from the decoder through Asyncify); ReleaseMedia.
 * Cancel sets a flag the core polls (IMAPI CancelAddTrack: the shorter track is closed and kept).
 */
import { albumCapacity, formatSectors, MIN_TRACK_SECTORS, SECTOR_BYTES } from '../lib/capacity';
import { kilnError, toKilnError, type KilnError } from '../lib/errors';
import type { KilnCore } from '../wasm/kilnCore';
import type { OpfsDisc } from '../wasm/opfsStore';
import type { KilnBurner, KilnTaoProgress } from '../../../wasm/kiln_wasm';
import type { PcmSource } from './taoBurn';
import type { BurnOptions, BurnResult, DiscImage, TaoProgress, TocEntry, TrackSpec } from './types';

export interface CoreBurnDeps {
  core: KilnCore;
  burner: KilnBurner;
  virtual: boolean;
  openSource: (t: TrackSpec) => PcmSource;
  onProgress: (p: TaoProgress) => void;
  cancelled: () => boolean;
  now: () => number;
}

const CLIENT_NAME = 'Kiln web';
/** Bytes handed to the core per read (the writer asks for 26 sectors at a time). */
const MAX_READ = 26 * SECTOR_BYTES;

export async function burnWithCore(tracks: TrackSpec[], opt: BurnOptions, d: CoreBurnDeps): Promise<BurnResult> {
  const { core, burner } = d;
  core.clearCancel();
  const sectorsOf = (t: TrackSpec) => Math.max(MIN_TRACK_SECTORS, Math.ceil(t.pcmBytes / SECTOR_BYTES));
  let before = d.virtual ? (await core.call(() => burner.discState())).tracks.length : 0;
  let released = false;
  const fail = async (error: KilnError): Promise<BurnResult> => ({ ...(await finalState(d, before, opt, false)), outcome: 'failed', error });

  try {
    if (d.virtual) await core.call(() => burner.setVirtualSpeed(opt.speed));
    await core.call(() => burner.prepare(CLIENT_NAME, opt.testWrite, opt.doNotFinalize, opt.speed > 0 ? opt.speed * 75 : -1));
  } catch (e) { return fail(toKilnError(e)); }

  const props = await core.call(() => burner.properties());
  if (!d.virtual) before = props.numberOfExistingTracks;
  const cap = albumCapacity(tracks.map((t) => t.pcmBytes), props.freeSectorsOnMedia);
  const refusal = props.numberOfExistingTracks + tracks.length > 99
    ? kilnError('E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED', `${props.numberOfExistingTracks + tracks.length} tracks; a CD holds at most 99`)
    : !cap.fits ? kilnError('E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE', `the album needs ${formatSectors(cap.usedSectors)} but the disc has ${formatSectors(cap.totalSectors)} free; nothing was written`) : null;
  if (refusal) { await core.call(() => burner.release()).catch(() => undefined); return fail(refusal); }

  const totalSectors = tracks.reduce((n, t) => n + sectorsOf(t), 0);
  const t0 = d.now();
  let doneBefore = 0, completed = 0, cancelled = false;
  let error: KilnError | undefined;
  const emit = (i: number, p: KilnTaoProgress) => {
    const inTrack = Math.min(sectorsOf(tracks[i]), Math.max(0, p.lastWrittenLba - p.startLba + 1));
    const written = p.action === 'writing' || p.action === 'finishing' ? doneBefore + inTrack : doneBefore;
    const elapsedMs = d.now() - t0;
    d.onProgress({
      action: p.action === 'verifying' ? 'finishing' : p.action, trackNumber: p.currentTrackNumber,
      trackIndex: i + 1, trackCount: tracks.length, startLba: p.startLba, sectorCount: p.sectorCount,
      lastWrittenLba: p.lastWrittenLba, writtenSectors: written, totalSectors, elapsedMs,
      remainingMs: written > 0 ? ((totalSectors - written) / written) * elapsedMs : null,
      bufferUsedBytes: p.usedDeviceBuffer, bufferTotalBytes: opt.speed > 0 ? p.totalDeviceBuffer : 0,
    });
  };

  for (let i = 0; i < tracks.length && !error && !cancelled; i++) {
    if (d.cancelled()) { cancelled = true; break; }
    const reader = d.openSource(tracks[i]);
    const src = core.addSource(async (max) => {
      const buf = new Uint8Array(Math.min(max, MAX_READ));
      const n = await reader.read(buf);
      return buf.subarray(0, n);
    });
    try {
      await core.call(() => burner.addAudioTrack(src.id, tracks[i].pcmBytes, tracks[i].title, (p) => emit(i, p)));
      completed++;
    } catch (e) {
      const k = toKilnError(e);
      if (k.name === 'E_IMAPI_REQUEST_CANCELLED') cancelled = true; else error = k;
    } finally {
      src.remove();
      await reader.close().catch(() => undefined);
    }
    doneBefore += sectorsOf(tracks[i]);
  }
  core.clearCancel();
  try { await core.call(() => burner.release()); released = true; } catch (e) { error ??= toKilnError(e); }

  const state = await finalState(d, before, opt, released);
  const last = state.toc[state.toc.length - 1];
  const cut = cancelled && !opt.testWrite && last && state.tracksWritten > completed ? tracks[completed] : undefined;
  return {
    ...state,
    outcome: error ? 'failed' : cancelled ? 'cancelled' : 'completed',
    tracksWritten: opt.testWrite ? completed : state.tracksWritten,
    shortenedTrack: cut ? { number: last.number, sectors: last.sectors, ofSectors: sectorsOf(cut) } : undefined,
    error: error ?? (cancelled ? kilnError('E_IMAPI_REQUEST_CANCELLED', 'the burn was cancelled') : undefined),
  };
}

/** TOC and disc state after the burn (virtual drive: from the medium; USB: from NumberOfExistingTracks, and
 *  finalised when ReleaseMedia succeeded with finalisation requested). */
async function finalState(d: CoreBurnDeps, before: number, opt: BurnOptions, released: boolean): Promise<Omit<BurnResult, 'outcome'>> {
  if (!d.virtual) {
    const p = await d.core.call(() => d.burner.properties()).catch(() => null);
    const onDisc = p?.numberOfExistingTracks ?? before;
    const written = Math.max(0, onDisc - before);
    return {
      tracksWritten: written, tracksOnDisc: onDisc, finalized: released && !opt.doNotFinalize && !opt.testWrite && written > 0,
      testWrite: opt.testWrite, toc: [], leadOutLba: 0,
    };
  }
  const s = await d.core.call(() => d.burner.discState());
  const toc: TocEntry[] = s.tracks.map((t) => ({ number: t.number, startLba: t.start, sectors: t.length }));
  const last = s.tracks[s.tracks.length - 1];
  return {
    tracksWritten: s.tracks.length - before, tracksOnDisc: s.tracks.length, finalized: s.finalized,
    testWrite: opt.testWrite, toc, leadOutLba: last ? last.start + last.length : 0,
  };
}

/** CUE/BIN of the virtual drive's disc: the CUE sheet from the core (vdrive/export.h); the BIN (LBA 0 to the
 *  lead-out, pauses and session gaps as zeros so BIN offsets equal LBAs) either as a disk-backed slice of the OPFS
 *  disc file (no copy in memory) or, for a disc kept in WASM memory, read from the core in slices. */
export async function exportFromCore(core: KilnCore, burner: KilnBurner, opfs: OpfsDisc | null = null, binName = 'kiln-disc.bin'): Promise<DiscImage | null> {
  const { cue, binSectors } = await core.call(() => burner.exportCue(binName));
  if (!binSectors) return null;
  if (opfs) return { cue, bin: await opfs.bin(binSectors), binName };
  const parts: BlobPart[] = [];
  for (let lba = 0; lba < binSectors; lba += 2048) {
    const count = Math.min(2048, binSectors - lba);
    parts.push((await core.call(() => burner.readSectors(lba, count))) as BlobPart);
  }
  return { cue, bin: new Blob(parts, { type: 'application/octet-stream' }), binName };
}
