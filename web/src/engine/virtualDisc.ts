/**
 * STAND-IN for the WASM virtual drive (vdrive/, bound in wasm/ once its API lands): an in-memory CD-R medium
 * that records Track-At-Once audio tracks, keeps the TOC, and exports CUE/BIN. It follows the same layout
 * rules the vdrive announced: track 1 at LBA 0, every later track's NWA at the previous end + 150 (the
 * 2-second pause), a track shorter than 4 s is padded with silence when closed, finalising closes the disc.
 * Audio is kept as the 2352-byte sectors the browser would otherwise download (MemoryStore equivalent).
 */
import { GAP_SECTORS, MEDIA, MIN_TRACK_SECTORS, SECTOR_BYTES, type MediaKind } from '../lib/capacity';
import { kilnError } from '../lib/errors';
import type { DiscImage, TocEntry } from './types';
import { buildCue, msf } from './cue';

interface RecordedTrack extends TocEntry { parts: Uint8Array[] }

export class VirtualDisc {
  readonly media: MediaKind;
  readonly capacitySectors: number;
  private tracks: RecordedTrack[] = [];
  private open: RecordedTrack | null = null;
  private pendingBytes = 0;
  finalized = false;

  constructor(media: MediaKind) {
    this.media = media;
    this.capacitySectors = MEDIA[media].sectors;
  }

  get trackCount(): number { return this.tracks.length; }
  get blank(): boolean { return this.tracks.length === 0; }

  /** Next writable address (MMC-6 READ TRACK INFORMATION NWA) for a new track. */
  nextWritableAddress(): number {
    const last = this.tracks[this.tracks.length - 1];
    return last ? last.startLba + last.sectors + GAP_SECTORS : 0;
  }

  /** Sectors a new track may still use. */
  freeSectors(): number { return Math.max(0, this.capacitySectors - this.nextWritableAddress()); }

  /** Opens a track of `sectors` sectors at the NWA. Throws E_IMAPI_DF2TAO_* like the TAO writer. */
  startTrack(sectors: number): TocEntry {
    if (this.finalized) throw kilnError('E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK', 'the disc is finalised; nothing more can be written to it');
    if (this.tracks.length >= 99) throw kilnError('E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED', 'the disc already holds 99 tracks');
    if (Math.max(sectors, MIN_TRACK_SECTORS) > this.freeSectors()) {
      throw kilnError('E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE', `the track needs ${Math.max(sectors, MIN_TRACK_SECTORS)} sectors, ${this.freeSectors()} are free`);
    }
    this.open = { number: this.tracks.length + 1, startLba: this.nextWritableAddress(), sectors: 0, parts: [] };
    this.pendingBytes = 0;
    return { number: this.open.number, startLba: this.open.startLba, sectors };
  }

  /** WRITE(10) of whole sectors at the track's NWA. Copies `data` (a multiple of 2352 bytes). */
  write(data: Uint8Array): void {
    if (!this.open) throw new Error('write without an open track');
    if (data.length % SECTOR_BYTES) throw new Error('write of a partial sector');
    this.open.parts.push(data.slice());
    this.open.sectors += data.length / SECTOR_BYTES;
    this.pendingBytes += data.length;
  }

  /** CLOSE TRACK: pads to the 4-second minimum; a track with no data at all is dropped (nothing recorded). */
  closeTrack(): TocEntry | null {
    const t = this.open;
    this.open = null;
    if (!t || t.sectors === 0) return null;
    if (t.sectors < MIN_TRACK_SECTORS) {
      t.parts.push(new Uint8Array((MIN_TRACK_SECTORS - t.sectors) * SECTOR_BYTES));
      t.sectors = MIN_TRACK_SECTORS;
    }
    this.tracks.push(t);
    return { number: t.number, startLba: t.startLba, sectors: t.sectors };
  }

  /** CLOSE SESSION with finalisation: writes the lead-in/lead-out; the disc is closed. */
  finalize(): void { if (this.tracks.length) this.finalized = true; }

  toc(): TocEntry[] { return this.tracks.map(({ number, startLba, sectors }) => ({ number, startLba, sectors })); }

  /** End of the last track (where the lead-out starts once finalised). */
  leadOutLba(): number {
    const last = this.tracks[this.tracks.length - 1];
    return last ? last.startLba + last.sectors : 0;
  }

  /** CUE sheet + BIN (raw audio from LBA 0 to the lead-out; the 2-second pauses as silence, INDEX 00). */
  exportImage(binName = 'kiln-disc.bin'): DiscImage | null {
    if (!this.tracks.length) return null;
    const parts: BlobPart[] = [];
    let pos = 0;
    for (const t of this.tracks) {
      if (t.startLba > pos) parts.push(new Uint8Array((t.startLba - pos) * SECTOR_BYTES));
      for (const p of t.parts) parts.push(p as BlobPart);
      pos = t.startLba + t.sectors;
    }
    const cue = buildCue(binName, this.tracks.map((t) => ({ number: t.number, startLba: t.startLba, pregap: t.number > 1 ? GAP_SECTORS : 0 })));
    return { cue, bin: new Blob(parts, { type: 'application/octet-stream' }), binName };
  }
}

export { msf };
