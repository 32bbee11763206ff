// The WASM core (wasm/ built by scripts/web-wasm-build) under node: TrackAtOnceWriter → Recorder →
// UsbBotTransport → the virtual drive's loopback → MMC model → MemoryStore, with the audio pulled from JS
// through Asyncify. Skipped when the artifact has not been built.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKilnCore, SerialQueue, type KilnCore } from './kilnCore';
import { albumCapacity, GAP_SECTORS, MEDIA, SECTOR_BYTES } from '../lib/capacity';
import type { KilnBurner, KilnTaoProgress } from '../../../wasm/kiln_wasm';

const WASM = join(import.meta.dirname, 'gen', 'kiln.wasm');
const built = existsSync(WASM);

/** `seconds` of a deterministic stereo pattern, 16-bit LE. */
function pcm(seconds: number): Uint8Array {
  const frames = Math.round(seconds * 44100);
  const s = new Int16Array(frames * 2);
  for (let i = 0; i < frames; i++) { s[2 * i] = (i * 7) % 30000 - 15000; s[2 * i + 1] = (i * 13) % 20000 - 10000; }
  return new Uint8Array(s.buffer);
}

/** A source that hands out `bytes` in pieces of at most 10,000 bytes, asynchronously (like the decoder). */
function source(bytes: Uint8Array) {
  let pos = 0;
  return async (max: number) => {
    await new Promise((r) => setTimeout(r, 0));
    const n = Math.min(max, 10_000, bytes.length - pos);
    const out = bytes.slice(pos, pos + n);
    pos += n;
    return out;
  };
}

describe.skipIf(!built)('WASM core: Track-At-Once to the in-browser virtual drive', () => {
  let core: KilnCore;
  beforeAll(async () => { core = (await loadKilnCore({ wasmBinary: readFileSync(WASM) }))!; });

  async function freshDrive(): Promise<KilnBurner> {
    const b = await core.newBurner();
    await core.call(() => b.openVirtual('cd80', 0, 'memory'));
    await core.call(() => b.prepare('kiln-test', false, false, 0));
    return b;
  }

  async function addTrack(b: KilnBurner, bytes: Uint8Array, onProgress: (p: KilnTaoProgress) => void = () => {}) {
    const src = core.addSource(source(bytes));
    try { return await core.call(() => b.addAudioTrack(src.id, bytes.length, 't', onProgress)); } finally { src.remove(); }
  }

  it('burns two tracks, finalises, and the medium holds exactly the PCM (padded to whole sectors)', async () => {
    const b = await freshDrive();
    const a = pcm(5.013), c = pcm(4.5);
    const events: KilnTaoProgress[] = [];
    await addTrack(b, a, (p) => events.push(p));
    await addTrack(b, c);
    await core.call(() => b.release());
    const disc = await core.call(() => b.discState());
    expect(disc.finalized).toBe(true);
    const aSectors = Math.ceil(a.length / 2352);
    expect(disc.tracks.map((t) => [t.number, t.start, t.length])).toEqual([[1, 0, aSectors], [2, aSectors + 150, Math.ceil(c.length / 2352)]]);
    const onDisc = await core.call(() => b.readSectors(0, aSectors));
    expect(Buffer.compare(Buffer.from(onDisc.subarray(0, a.length)), Buffer.from(a))).toBe(0);
    expect(onDisc.subarray(a.length).every((x) => x === 0)).toBe(true);
    expect(events.some((e) => e.action === 'writing')).toBe(true);
    expect(Math.max(...events.map((e) => e.lastWrittenLba))).toBe(aSectors - 1);
    b.delete();
  });

  it('the capacity bar\'s media sizes and gap rule match the core: FreeSectorsOnMedia before and after a track', async () => {
    for (const media of ['cd74', 'cd80'] as const) {
      const b = await core.newBurner();
      await core.call(() => b.openVirtual(media, 0, 'memory'));
      await core.call(() => b.prepare('kiln-test', false, true, 0));
      expect((await core.call(() => b.properties())).freeSectorsOnMedia).toBe(MEDIA[media].sectors);
      await addTrack(b, pcm(5));
      const free = (await core.call(() => b.properties())).freeSectorsOnMedia;
      // What is left for the next track = total − (track + the 2-second gap before the next track).
      expect(free).toBe(MEDIA[media].sectors - (375 + GAP_SECTORS));
      // …which is exactly what albumCapacity charges a second track: its gap plus its length.
      expect(albumCapacity([pcm(5).length, SECTOR_BYTES * 300], MEDIA[media].sectors).usedSectors).toBe(375 + GAP_SECTORS + 300);
      b.delete();
    }
  });

  it('errors arrive as IMAPI values: not enough space, before anything is written', async () => {
    const b = await freshDrive();
    const src = core.addSource(async () => new Uint8Array(0));
    const err = await core.call(() => b.addAudioTrack(src.id, 2352 * 400_000, 'huge', () => {})).catch((e) => e);
    expect(err).toMatchObject({ name: 'E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE', hresult: 0xc0aa0509 });
    expect(core.module.hresultName(0xc0aa0002)).toBe('E_IMAPI_REQUEST_CANCELLED');
    b.delete();
  });

  it('a JS decode failure stops the track with the source message', async () => {
    const b = await freshDrive();
    const src = core.addSource(async () => { throw new Error('corrupt frame at 0:03'); });
    const err = await core.call(() => b.addAudioTrack(src.id, 2352 * 400, 'bad.mp3', () => {})).catch((e) => e);
    expect(err.name).toBe('E_FAIL');
    expect(err.message).toContain('bad.mp3: corrupt frame at 0:03');
    b.delete();
  });

  it('cancel during a track (flag only, no call into the module) keeps the shorter track', async () => {
    const b = await freshDrive();
    const bytes = pcm(30);
    core.clearCancel();
    const err = await addTrack(b, bytes, (p) => { if (p.lastWrittenLba > 600) core.requestCancel(); }).catch((e) => e);
    core.clearCancel();
    expect(err.name).toBe('E_IMAPI_REQUEST_CANCELLED');
    await core.call(() => b.release());
    const disc = await core.call(() => b.discState());
    expect(disc.tracks).toHaveLength(1);
    expect(disc.tracks[0].length).toBeGreaterThan(600);
    expect(disc.tracks[0].length).toBeLessThan(Math.ceil(bytes.length / 2352));
    b.delete();
  });
});

describe('SerialQueue', () => {
  it('runs tasks one at a time, in order, even when one fails', async () => {
    const q = new SerialQueue();
    const log: string[] = [];
    let running = 0;
    const task = (name: string, fail = false) => async () => {
      running++; expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      log.push(name); running--;
      if (fail) throw new Error(name);
    };
    const results = await Promise.allSettled([q.run(task('a')), q.run(task('b', true)), q.run(task('c'))]);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});
