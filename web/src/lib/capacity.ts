/**
 * Disc capacity for Red Book audio written Track-At-Once (MMC-6 §4.5.3; ECMA-130 §14, §20).
 * All lengths are in sectors (1 sector = 1/75 s = 2352 bytes of 44.1 kHz 16-bit stereo PCM).
 */

/** Bytes of audio in one CD sector (ECMA-130 §16: 588 stereo frames × 4 bytes). */
export const SECTOR_BYTES = 2352;
/** Sectors per second of audio (ECMA-130 §14.1). */
export const SECTORS_PER_SECOND = 75;
/** The 2-second pregap written before every track (Red Book; MMC-6 §4.5.3.2: 150 sectors). */
export const GAP_SECTORS = 150;
/** Red Book minimum track length: 4 seconds = 300 sectors. Shorter tracks are padded with silence. */
export const MIN_TRACK_SECTORS = 300;
/** At most 99 tracks on a CD (ECMA-130 §22.3.3.1). */
export const MAX_TRACKS = 99;

/** Media the capacity bar offers, with their user-area size in sectors: LBA 0 up to the last possible lead-out
 *  start in ATIP (MMC-6 §6.26.3.13), 73:59:74 (LBA 332,849) and 79:59:74 (LBA 359,849) — the values the virtual
 *  drive reports (vdrive/medium_state.h). The first track's 2-second pregap lies before LBA 0. A real drive's own
 *  figure comes from the writer's FreeSectorsOnMedia, which the burn checks again before writing. */
export const MEDIA = {
  cd74: { label: '74 min CD-R', sectors: 74 * 60 * SECTORS_PER_SECOND - GAP_SECTORS - 1 },
  cd80: { label: '80 min CD-R', sectors: 80 * 60 * SECTORS_PER_SECOND - GAP_SECTORS - 1 },
} as const;
export type MediaKind = keyof typeof MEDIA;

/** Sectors a track of `pcmBytes` bytes of CD audio occupies: rounded up to whole sectors (the writer pads the
 *  last sector with silence) and at least the 4-second minimum. */
export function trackSectors(pcmBytes: number): number {
  if (!Number.isFinite(pcmBytes) || pcmBytes < 0) throw new RangeError(`invalid track length ${pcmBytes}`);
  return Math.max(Math.ceil(pcmBytes / SECTOR_BYTES), MIN_TRACK_SECTORS);
}

/** Bytes of CD audio (44.1 kHz, 16-bit, stereo) for `frames` stereo sample frames. */
export function framesToBytes(frames: number): number {
  return frames * 4;
}

export interface CapacityReport {
  /** Sectors the album uses from LBA 0, including the 2-second gap before tracks 2…n and 4-second minimums. */
  usedSectors: number;
  /** Sectors available on the chosen medium. */
  totalSectors: number;
  /** totalSectors − usedSectors; negative when the album does not fit. */
  freeSectors: number;
  fits: boolean;
  /** Tracks shorter than 4 s that will be padded with silence (indexes into the input list). */
  paddedTracks: number[];
  /** True when there are more than 99 tracks. */
  tooManyTracks: boolean;
}

/** Capacity for an album of tracks given as PCM byte lengths, on medium `totalSectors` sectors long.
 *  The first track's pregap lies before LBA 0 (in the lead-in side of the program area), every later track
 *  adds a 150-sector gap. */
export function albumCapacity(trackBytes: readonly number[], totalSectors: number): CapacityReport {
  let used = 0;
  const padded: number[] = [];
  trackBytes.forEach((bytes, i) => {
    if (i > 0) used += GAP_SECTORS;
    if (Math.ceil(bytes / SECTOR_BYTES) < MIN_TRACK_SECTORS) padded.push(i);
    used += trackSectors(bytes);
  });
  const tooManyTracks = trackBytes.length > MAX_TRACKS;
  return {
    usedSectors: used,
    totalSectors,
    freeSectors: totalSectors - used,
    fits: used <= totalSectors && !tooManyTracks,
    paddedTracks: padded,
    tooManyTracks,
  };
}

/** "mm:ss" for a number of sectors (rounded down to whole seconds), e.g. 4500 → "1:00". */
export function formatSectors(sectors: number): string {
  return formatSeconds(sectors / SECTORS_PER_SECOND);
}

/** "m:ss" for a duration in seconds (rounded down), negative values get a leading "−". */
export function formatSeconds(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.floor(Math.abs(seconds));
  const m = Math.floor(s / 60);
  return `${sign}${m}:${String(s % 60).padStart(2, '0')}`;
}
