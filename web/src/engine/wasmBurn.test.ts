// engine/wasmBurn.ts against the real WASM core under node (skipped when scripts/web-wasm-build has not run):
// the IMAPI sequence, the album fit check before writing, cancel, test write, do-not-finalize, CUE/BIN export.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKilnCore, type KilnCore } from '../wasm/kilnCore';
import { burnWithCore, exportFromCore } from './wasmBurn';
import type { PcmSource } from './taoBurn';
import type { BurnOptions, TaoProgress, TrackSpec } from './types';

const WASM = join(import.meta.dirname, '..', 'wasm', 'gen', 'kiln.wasm');

const track = (id: string, seconds: number): TrackSpec => ({ id, file: new Blob([]), title: id, format: 'wav', pcmBytes: Math.round(seconds * 44100) * 4 });
const opts = (o: Partial<BurnOptions> = {}): BurnOptions => ({ media: 'cd80', speed: 0, testWrite: false, doNotFinalize: false, ...o });
/** Every byte of track n is n (so the BIN shows which track is where). */
function source(t: TrackSpec, fill: number): PcmSource {
  let pos = 0;
  return {
    async read(out) { const n = Math.min(out.length, t.pcmBytes - pos); out.fill(fill, 0, n); pos += n; return n; },
    async close() {},
  };
}

describe.skipIf(!existsSync(WASM))('burnWithCore on the WASM virtual drive', () => {
  let core: KilnCore;
  beforeAll(async () => { core = (await loadKilnCore({ wasmBinary: readFileSync(WASM) }))!; });

  async function run(tracks: TrackSpec[], o: BurnOptions, burner?: Awaited<ReturnType<KilnCore['newBurner']>>, cancelAt?: (p: TaoProgress) => boolean) {
    if (!burner) { burner = await core.newBurner(); await core.call(() => burner!.openVirtual(o.media, 0, 'memory')); }
    const events: TaoProgress[] = [];
    let cancel = false;
    const result = await burnWithCore(tracks, o, {
      core, burner, virtual: true, now: () => performance.now(), cancelled: () => cancel,
      openSource: (t) => source(t, tracks.indexOf(t) + 1),
      onProgress: (p) => { events.push(p); if (cancelAt?.(p)) { cancel = true; core.requestCancel(); } },
    });
    return { result, events, burner };
  }

  it('burns, finalises and exports a CUE/BIN with the tracks where the TOC says', async () => {
    const { result, events, burner } = await run([track('a', 6), track('b', 5)], opts());
    expect(result).toMatchObject({ outcome: 'completed', tracksWritten: 2, tracksOnDisc: 2, finalized: true });
    expect(result.toc).toEqual([{ number: 1, startLba: 0, sectors: 450 }, { number: 2, startLba: 600, sectors: 375 }]);
    expect(events.at(-1)!.writtenSectors).toBe(825);
    expect(events.some((e) => e.action === 'writing' && e.trackIndex === 2)).toBe(true);
    const img = (await exportFromCore(core, burner))!;
    expect(img.cue).toContain('TRACK 02 AUDIO\n    INDEX 00 00:06:00\n    INDEX 01 00:08:00');
    const bin = new Uint8Array(await img.bin.arrayBuffer());
    expect(bin.length).toBe(975 * 2352);
    expect([bin[0], bin[450 * 2352 - 1], bin[500 * 2352], bin[600 * 2352]]).toEqual([1, 1, 0, 2]);
    burner.delete();
  });

  it('refuses an album larger than the free space before writing anything', async () => {
    const { result } = await run([track('a', 45 * 60), track('b', 35 * 60)], opts());
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatchObject({ name: 'E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE', hresult: 0xc0aa0509 });
    expect(result.tracksOnDisc).toBe(0);
  });

  it('cancel mid-track keeps the shorter track and reports it', async () => {
    const { result } = await run([track('a', 20), track('b', 20)], opts(), undefined, (p) => p.trackIndex === 2 && p.writtenSectors > 1500 + 300);
    expect(result.outcome).toBe('cancelled');
    expect(result.tracksOnDisc).toBe(2);
    expect(result.shortenedTrack?.number).toBe(2);
    expect(result.shortenedTrack!.sectors).toBeLessThan(1500);
    expect(result.finalized).toBe(true);
  });

  it('do-not-finalize leaves the disc appendable; the next burn adds tracks', async () => {
    const first = await run([track('a', 5)], opts({ doNotFinalize: true }));
    expect(first.result).toMatchObject({ outcome: 'completed', finalized: false, tracksOnDisc: 1 });
    const second = await run([track('b', 5)], opts(), first.burner);
    expect(second.result).toMatchObject({ outcome: 'completed', tracksWritten: 1, tracksOnDisc: 2, finalized: true });
    const third = await run([track('c', 5)], opts(), first.burner);
    expect(third.result.outcome).toBe('failed');
    expect(third.result.error!.name).toMatch(/^E_IMAPI_/);
  });

  it('test write records nothing', async () => {
    const { result } = await run([track('a', 5)], opts({ testWrite: true }));
    expect(result).toMatchObject({ outcome: 'completed', testWrite: true, tracksWritten: 1, tracksOnDisc: 0 });
  });
});
