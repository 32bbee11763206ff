/**
 * The Track-At-Once burn sequence against the stand-in VirtualDisc (replaced by the WASM
 * TrackAtOnceWriter + virtual drive once bound): check the whole album fits before writing anything,
 * then per track: open at the NWA, WRITE whole sectors as the source delivers them (the source is pulled,
 * so decoding runs at the drive's pace and memory stays flat), close the track; finally close the session
 * (finalise) unless DoNotFinalizeMedia. Cancel is checked between writes (IMAPI CancelAddTrack semantics:
 * the track written so far is closed and kept).
 *
 * The drive's speed and buffer are modelled: the drive drains its buffer at `speed` × 75 sectors/s, and the
 * host waits while the buffer is full — so progress reports what the drive has written, not bytes sent.
 */
import { albumCapacity, formatSectors, SECTOR_BYTES, SECTORS_PER_SECOND } from '../lib/capacity';
import { kilnError, toKilnError, type KilnError } from '../lib/errors';
import type { BurnOptions, BurnResult, TaoProgress, TrackSpec } from './types';
import type { VirtualDisc } from './virtualDisc';

export interface PcmSource { read(out: Uint8Array): Promise<number>; close(): Promise<void> }
export interface BurnClock { now(): number; sleep(ms: number): Promise<void> }

/** Sectors per WRITE(10): 27 × 2352 = 63,504 bytes, under BOT's usual 64 KiB transfer. */
export const WRITE_SECTORS = 27;
/** Modelled drive buffer: 2 MiB, typical of CD recorders. */
export const DRIVE_BUFFER_BYTES = 2 * 1024 * 1024;

export interface BurnDeps {
  disc: VirtualDisc;
  openSource: (t: TrackSpec) => PcmSource;
  clock: BurnClock;
  onProgress: (p: TaoProgress) => void;
  cancelled: () => boolean;
}

export async function burnTao(tracks: TrackSpec[], opt: BurnOptions, deps: BurnDeps): Promise<BurnResult> {
  const { disc, clock } = deps;
  const sectorsOf = (t: TrackSpec) => Math.ceil(t.pcmBytes / SECTOR_BYTES);
  const result = (outcome: BurnResult['outcome'], extra: Partial<BurnResult> = {}): BurnResult => ({
    outcome, tracksWritten: 0, tracksOnDisc: disc.trackCount, finalized: disc.finalized, testWrite: opt.testWrite,
    toc: disc.toc(), leadOutLba: disc.leadOutLba(), ...extra,
  });

  const refusal = checkFits(tracks, disc);
  if (refusal) return result('failed', { error: refusal });

  const totalSectors = tracks.reduce((n, t) => n + sectorsOf(t), 0);
  const rate = opt.speed > 0 ? opt.speed * SECTORS_PER_SECOND : Infinity; // sectors per second
  const t0 = clock.now();
  let written = 0;        // sectors the host has sent
  let tracksWritten = 0;
  let shortened: BurnResult['shortenedTrack'];
  let error: KilnError | undefined;
  const drained = () => Math.min(written, rate === Infinity ? written : ((clock.now() - t0) / 1000) * rate);
  const cur = { index: 0, start: disc.nextWritableAddress(), sectors: 0, base: 0, number: 0 };
  const progress = (action: TaoProgress['action']) => {
    const done = drained(), elapsed = clock.now() - t0;
    deps.onProgress({
      action, trackNumber: cur.number, trackIndex: Math.min(cur.index + 1, tracks.length), trackCount: tracks.length,
      startLba: cur.start, sectorCount: cur.sectors, lastWrittenLba: cur.start + Math.floor(Math.max(0, done - cur.base)) - 1,
      writtenSectors: Math.floor(done), totalSectors, elapsedMs: elapsed,
      remainingMs: done > 0 ? ((totalSectors - done) / done) * elapsed : null,
      bufferUsedBytes: Math.round((written - done) * SECTOR_BYTES), bufferTotalBytes: rate === Infinity ? 0 : DRIVE_BUFFER_BYTES,
    });
  };

  progress('preparing');
  const buf = new Uint8Array(WRITE_SECTORS * SECTOR_BYTES);
  for (let i = 0; i < tracks.length && !deps.cancelled() && !error; i++) {
    const t = tracks[i], sectors = sectorsOf(t);
    const toc = opt.testWrite ? { startLba: disc.nextWritableAddress(), number: disc.trackCount + 1 } : disc.startTrack(sectors);
    Object.assign(cur, { index: i, start: toc.startLba, sectors, base: written, number: toc.number });
    const src = deps.openSource(t);
    let trackBytes = 0, trackSectors = 0;
    try {
      while (trackBytes < t.pcmBytes) {
        if (deps.cancelled()) break;
        const want = Math.min(buf.length, Math.ceil((t.pcmBytes - trackBytes) / SECTOR_BYTES) * SECTOR_BYTES);
        const n = await readFull(src, buf.subarray(0, Math.min(want, t.pcmBytes - trackBytes)));
        if (n === 0) throw kilnError('E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED', `“${t.title}” ended after ${trackBytes} of ${t.pcmBytes} bytes`);
        trackBytes += n;
        const whole = Math.ceil(n / SECTOR_BYTES) * SECTOR_BYTES; // the last sector is padded with silence
        buf.fill(0, n, whole);
        await waitForBuffer(whole / SECTOR_BYTES);
        if (!opt.testWrite) disc.write(buf.subarray(0, whole));
        written += whole / SECTOR_BYTES; trackSectors += whole / SECTOR_BYTES;
        progress('writing');
        if (i === tracks.length - 1 || trackBytes < t.pcmBytes) await clock.sleep(0); // let cancel messages in
      }
    } catch (e) {
      error = toKilnError(e);
    } finally {
      await src.close().catch(() => undefined);
    }
    if (!opt.testWrite) {
      const closed = disc.closeTrack();
      if (closed) tracksWritten++;
      if (closed && trackSectors < sectors) shortened = { number: closed.number, sectors: trackSectors, ofSectors: sectors };
    } else if (trackSectors) tracksWritten++;
  }
  // Wait for the drive to drain its buffer before closing the session.
  await waitForBuffer(Infinity);
  const cancelled = deps.cancelled();
  if (!opt.testWrite && !opt.doNotFinalize && !error && tracksWritten > 0) {
    progress('finishing');
    disc.finalize();
  }
  progress('finishing');
  return result(error ? 'failed' : cancelled ? 'cancelled' : 'completed', {
    tracksWritten, shortenedTrack: shortened, tracksOnDisc: disc.trackCount,
    error: error ?? (cancelled ? kilnError('E_IMAPI_REQUEST_CANCELLED', 'the burn was cancelled') : undefined),
  });

  /** Sleeps until the modelled drive buffer has room for `sectors` more (Infinity: until empty). */
  async function waitForBuffer(sectors: number): Promise<void> {
    if (rate === Infinity) return;
    const cap = DRIVE_BUFFER_BYTES / SECTOR_BYTES;
    for (;;) {
      const used = written - drained();
      const over = sectors === Infinity ? used : used + sectors - cap;
      if (over <= 0 || (deps.cancelled() && sectors !== Infinity)) return;
      await clock.sleep(Math.max(5, Math.min(100, (over / rate) * 1000)));
      progress('writing');
    }
  }
}

/** Refuses, before anything is written, an album that does not fit the free space or the 99-track limit. */
export function checkFits(tracks: TrackSpec[], disc: VirtualDisc): KilnError | null {
  if (disc.finalized) return kilnError('E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK', 'the disc in the virtual drive is finalised; insert a new disc');
  const nwa = disc.nextWritableAddress();
  const cap = albumCapacity(tracks.map((t) => t.pcmBytes), disc.capacitySectors - nwa);
  if (disc.trackCount + tracks.length > 99) return kilnError('E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED', `${disc.trackCount + tracks.length} tracks; a CD holds at most 99`);
  if (!cap.fits) {
    return kilnError('E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE',
      `the album needs ${formatSectors(cap.usedSectors)} but the disc has ${formatSectors(cap.totalSectors)} free; nothing was written`);
  }
  return null;
}

async function readFull(src: PcmSource, out: Uint8Array): Promise<number> {
  let n = 0;
  while (n < out.length) {
    const r = await src.read(out.subarray(n));
    if (r === 0) break;
    n += r;
  }
  return n;
}
