// The virtual disc outside the WASM heap: the core's JsFileStore (wasm/js_file_store.cpp) over OpfsDisc, with the
// OPFS sync access handles faked in memory (node has no OPFS; Playwright covers the real one in Chromium).
// Skipped when scripts/web-wasm-build has not run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKilnCore, type KilnCore } from './kilnCore';
import { OpfsDisc, type DiscFileHandle, type SyncFile } from './opfsStore';
import { burnWithCore, exportFromCore } from '../engine/wasmBurn';
import type { KilnBurner } from '../../../wasm/kiln_wasm';
import type { BurnOptions, TrackSpec } from '../engine/types';

const WASM = join(import.meta.dirname, 'gen', 'kiln.wasm');

/** A file with FileSystemSyncAccessHandle semantics: exclusive handle, holes read as zeros, short read at the end. */
class MemFile implements DiscFileHandle {
  data = new Uint8Array(0);
  size = 0;
  locked = false;
  async createSyncAccessHandle(): Promise<SyncFile> {
    if (this.locked) throw new Error('NoModificationAllowedError: locked');
    this.locked = true;
    const f = this;
    return {
      read(buf, { at }) { const n = Math.max(0, Math.min(buf.length, f.size - at)); buf.set(f.data.subarray(at, at + n)); return n; },
      write(buf, { at }) { f.grow(at + buf.length); f.data.set(buf, at); f.size = Math.max(f.size, at + buf.length); return buf.length; },
      truncate(n) { f.data = f.data.slice(0, n); f.size = n; },
      flush() {},
      close() { f.locked = false; },
    };
  }
  async getFile(): Promise<Blob> { return new Blob([this.data.slice(0, this.size)]); }
  private grow(n: number) {
    if (n <= this.data.length) return;
    const next = new Uint8Array(Math.max(n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

const track = (id: string, seconds: number): TrackSpec => ({ id, file: new Blob([]), title: id, format: 'wav', pcmBytes: Math.round(seconds * 44100) * 4 });
const opts = (o: Partial<BurnOptions> = {}): BurnOptions => ({ media: 'cd80', speed: 0, testWrite: false, doNotFinalize: false, ...o });

describe.skipIf(!existsSync(WASM))('virtual disc in files (JsFileStore over OpfsDisc)', () => {
  let core: KilnCore;
  beforeAll(async () => { core = (await loadKilnCore({ wasmBinary: readFileSync(WASM) }))!; });

  async function drive(storage: 'file' | 'memory', disc?: OpfsDisc): Promise<KilnBurner> {
    const b = await core.newBurner();
    if (disc) { await disc.reset(); core.module.kilnStore = disc; }
    await core.call(() => b.openVirtual('cd80', 0, storage));
    return b;
  }
  async function burn(b: KilnBurner, tracks: TrackSpec[], o: BurnOptions, firstFill = 1) {
    return burnWithCore(tracks, o, {
      core, burner: b, virtual: true, now: () => performance.now(), cancelled: () => false, onProgress: () => {},
      openSource: (t) => {
        let pos = 0; const fill = tracks.indexOf(t) + firstFill;
        return { async read(out) { const n = Math.min(out.length, t.pcmBytes - pos); out.fill(fill, 0, n); pos += n; return n; }, async close() {} };
      },
    });
  }
  const bytes = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

  it('writes the sectors into the file (LBA −150 at byte 0) and exports the same CUE/BIN as the in-memory disc', async () => {
    const img = new MemFile(), sub = new MemFile();
    const disc = new OpfsDisc([img, sub]);
    const inFile = await drive('file', disc), inMemory = await drive('memory');
    const tracks = [track('a', 6), track('b', 5)];
    expect((await burn(inFile, tracks, opts())).finalized).toBe(true);
    expect((await burn(inMemory, tracks, opts())).finalized).toBe(true);
    // Track 1 starts at LBA 0 = byte 150 × 2352 of disc.img, track 2 at LBA 600.
    expect([img.data[150 * 2352], img.data[(150 + 449) * 2352], img.data[(150 + 600) * 2352]]).toEqual([1, 1, 2]);
    const fromFile = (await exportFromCore(core, inFile, disc))!, fromMemory = (await exportFromCore(core, inMemory))!;
    expect(fromFile.cue).toBe(fromMemory.cue);
    const a = await bytes(fromFile.bin), m = await bytes(fromMemory.bin);
    expect(a.length).toBe(975 * 2352);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(m))).toBe(0);
    // The export closed the handles (getFile needs that); writing again needs open() first.
    expect(img.locked).toBe(false);
    inFile.delete(); inMemory.delete();
  });

  it('do not finalize, export, then append a track to the same disc (handles reopened)', async () => {
    const disc = new OpfsDisc([new MemFile(), new MemFile()]);
    const b = await drive('file', disc);
    expect(await burn(b, [track('a', 5)], opts({ doNotFinalize: true }))).toMatchObject({ tracksOnDisc: 1, finalized: false });
    const first = (await exportFromCore(core, b, disc))!;
    expect(first.cue).toContain('TRACK 01 AUDIO');
    await disc.open();
    const r = await burn(b, [track('b', 5)], opts(), 7);
    expect(r).toMatchObject({ outcome: 'completed', tracksOnDisc: 2, finalized: true });
    const img = (await exportFromCore(core, b, disc))!;
    const bin = await bytes(img.bin);
    const t2 = r.toc[1];
    expect([bin[0], bin[t2.startLba * 2352], bin[(t2.startLba + t2.sectors) * 2352 - 1]]).toEqual([1, 7, 7]);
    expect(bin.length).toBe((t2.startLba + t2.sectors) * 2352);
    b.delete();
  });

  it('a closed or failing file becomes a write fault, not a crash', async () => {
    const disc = new OpfsDisc([new MemFile(), new MemFile()]);
    const b = await drive('file', disc);
    disc.close();
    const r = await burn(b, [track('a', 5)], opts());
    expect(r.outcome).toBe('failed');
    expect(r.error).toMatchObject({ name: 'HRESULT_FROM_WIN32_ERROR_WRITE_FAULT', hresult: 0x8007001d });
    expect(r.toc.every((t) => t.sectors === 0)).toBe(true);  // nothing reached the disc
    b.delete();
  });

  it('keeps the disc out of WebAssembly memory: a 60 MB disc grows the heap by less than 8 MiB', async () => {
    const fresh = (await loadKilnCore({ wasmBinary: readFileSync(WASM) }))!;
    const disc = new OpfsDisc([new MemFile(), new MemFile()]);
    const b = await fresh.newBurner();
    await disc.reset(); fresh.module.kilnStore = disc;
    await fresh.call(() => b.openVirtual('cd80', 0, 'file'));
    const before = fresh.module.HEAPU8.length;
    const tracks = [track('a', 180), track('b', 180)];
    const r = await burnWithCore(tracks, opts(), {
      core: fresh, burner: b, virtual: true, now: () => performance.now(), cancelled: () => false, onProgress: () => {},
      openSource: (t) => { let pos = 0; return { async read(out) { const n = Math.min(out.length, t.pcmBytes - pos); out.fill(3, 0, n); pos += n; return n; }, async close() {} }; },
    });
    expect(r.outcome).toBe('completed');
    expect(fresh.module.HEAPU8.length - before).toBeLessThan(8 * 2 ** 20);
    b.delete();
  });
});
