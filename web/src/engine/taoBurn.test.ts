import { describe, expect, it } from 'vitest';
import { burnTao, type BurnClock, type PcmSource } from './taoBurn';
import { VirtualDisc, msf } from './virtualDisc';
import type { BurnOptions, TaoProgress, TrackSpec } from './types';
import { MEDIA, SECTOR_BYTES } from '../lib/capacity';

class FakeClock implements BurnClock {
  t = 0;
  now() { return this.t; }
  async sleep(ms: number) { this.t += ms; }
}

/** A source of `bytes` bytes whose every byte is `fill` (so tracks can be told apart in the BIN). */
function source(bytes: number, fill: number, onRead?: (delivered: number) => void): PcmSource {
  let pos = 0;
  return {
    async read(out) { const n = Math.min(out.length, bytes - pos); out.fill(fill, 0, n); pos += n; onRead?.(pos); return n; },
    async close() {},
  };
}
const track = (id: string, seconds: number): TrackSpec => ({ id, file: new Blob([]), title: id, format: 'wav', pcmBytes: Math.round(seconds * 44100) * 4 });
const opts = (o: Partial<BurnOptions> = {}): BurnOptions => ({ media: 'cd80', speed: 0, testWrite: false, doNotFinalize: false, ...o });

async function burn(disc: VirtualDisc, tracks: TrackSpec[], o: BurnOptions, cancelAt?: (p: TaoProgress) => boolean) {
  const clock = new FakeClock();
  const events: TaoProgress[] = [];
  let cancel = false;
  const fills = new Map(tracks.map((t, i) => [t.id, i + 1]));
  const r = await burnTao(tracks, o, {
    disc, clock, cancelled: () => cancel,
    openSource: (t) => source(t.pcmBytes, fills.get(t.id)!),
    onProgress: (p) => { events.push(p); if (cancelAt?.(p)) cancel = true; },
  });
  return { r, events, clock };
}

describe('burnTao on the virtual disc', () => {
  it('writes tracks at the NWA with 2-second gaps, pads the last sector, finalises', async () => {
    const disc = new VirtualDisc('cd80');
    const { r, events } = await burn(disc, [track('a', 10.01), track('b', 5)], opts());
    expect(r.outcome).toBe('completed');
    expect(r.tracksWritten).toBe(2);
    expect(r.finalized).toBe(true);
    const aSectors = Math.ceil((Math.round(10.01 * 44100) * 4) / SECTOR_BYTES);
    expect(r.toc).toEqual([{ number: 1, startLba: 0, sectors: aSectors }, { number: 2, startLba: aSectors + 150, sectors: 375 }]);
    expect(events.at(-1)!.writtenSectors).toBe(aSectors + 375);
    expect(events.some((e) => e.action === 'writing' && e.trackNumber === 2)).toBe(true);
    const img = disc.exportImage()!;
    expect(img.bin.size).toBe((aSectors + 150 + 375) * SECTOR_BYTES);
    expect(img.cue).toContain('TRACK 02 AUDIO\n    INDEX 00 ' + msf(aSectors) + '\n    INDEX 01 ' + msf(aSectors + 150));
    const bin = new Uint8Array(await img.bin.arrayBuffer());
    expect(bin[0]).toBe(1);
    expect(bin[(aSectors - 1) * SECTOR_BYTES + 2351]).toBe(0); // padding of the partial last sector
    expect(bin[(aSectors + 75) * SECTOR_BYTES]).toBe(0);       // the pause is silence
    expect(bin[(aSectors + 150) * SECTOR_BYTES]).toBe(2);
  });

  it('pads a track shorter than 4 seconds to 300 sectors', async () => {
    const disc = new VirtualDisc('cd74');
    const { r } = await burn(disc, [track('a', 1)], opts());
    expect(r.toc[0].sectors).toBe(300);
  });

  it('refuses an album that does not fit before writing anything', async () => {
    const disc = new VirtualDisc('cd74');
    const { r, events } = await burn(disc, [track('a', 40 * 60), track('b', 34 * 60)], opts());
    expect(r.outcome).toBe('failed');
    expect(r.error?.name).toBe('E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE');
    expect(r.error?.message).toMatch(/nothing was written/);
    expect(events).toHaveLength(0);
    expect(disc.blank).toBe(true);
    const ok = await burn(new VirtualDisc('cd80'), [track('a', 40 * 60), track('b', 34 * 60)], opts());
    expect(ok.r.outcome).toBe('completed');
  });

  it('cancel mid-track keeps the shorter track and still finalises', async () => {
    const disc = new VirtualDisc('cd80');
    const { r } = await burn(disc, [track('a', 30), track('b', 30), track('c', 30)], opts(),
      (p) => p.trackIndex === 2 && p.writtenSectors > 2250 + 1000);
    expect(r.outcome).toBe('cancelled');
    expect(r.error?.name).toBe('E_IMAPI_REQUEST_CANCELLED');
    expect(r.tracksOnDisc).toBe(2);
    expect(r.shortenedTrack?.number).toBe(2);
    expect(r.shortenedTrack!.sectors).toBeLessThan(2250);
    expect(r.toc[1].sectors).toBe(r.shortenedTrack!.sectors);
    expect(r.finalized).toBe(true);
  });

  it('do-not-finalize leaves the session open, and the next burn appends after a gap', async () => {
    const disc = new VirtualDisc('cd80');
    const first = await burn(disc, [track('a', 10)], opts({ doNotFinalize: true }));
    expect(first.r.finalized).toBe(false);
    const second = await burn(disc, [track('b', 10)], opts());
    expect(second.r.toc.map((t) => t.startLba)).toEqual([0, 750 + 150]);
    expect(second.r.tracksOnDisc).toBe(2);
    expect(second.r.finalized).toBe(true);
    const third = await burn(disc, [track('c', 10)], opts());
    expect(third.r.error?.name).toBe('E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK');
  });

  it('test write goes through the motions and records nothing', async () => {
    const disc = new VirtualDisc('cd80');
    const { r, events } = await burn(disc, [track('a', 10)], opts({ testWrite: true }));
    expect(r.outcome).toBe('completed');
    expect(r.testWrite).toBe(true);
    expect(disc.blank).toBe(true);
    expect(events.at(-1)!.writtenSectors).toBe(750);
  });

  it('at 4x the drive takes real (fake-clock) time, its buffer stays within 2 MiB, progress follows the drive', async () => {
    const disc = new VirtualDisc('cd80');
    const { r, events, clock } = await burn(disc, [track('a', 60)], opts({ speed: 4 }));
    expect(r.outcome).toBe('completed');
    expect(clock.t / 1000).toBeGreaterThanOrEqual(15);
    expect(clock.t / 1000).toBeLessThan(16);
    expect(Math.max(...events.map((e) => e.bufferUsedBytes))).toBeLessThanOrEqual(2 * 1024 * 1024);
    const mid = events.find((e) => e.elapsedMs >= 7000)!;
    expect(mid.writtenSectors).toBeGreaterThan(2000);
    expect(mid.writtenSectors).toBeLessThan(2300);
    expect(mid.remainingMs! / 1000).toBeCloseTo(8, 0);
  });

  it('a source that ends early fails the burn with STREAM_NOT_SUPPORTED', async () => {
    const disc = new VirtualDisc('cd80');
    const t = track('a', 10);
    const r = await burnTao([t], opts(), {
      disc, clock: new FakeClock(), cancelled: () => false, onProgress: () => {},
      openSource: () => source(t.pcmBytes - 10000, 1),
    });
    expect(r.outcome).toBe('failed');
    expect(r.error?.name).toBe('E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED');
    expect(r.finalized).toBe(false);
  });

  it('capacity of the media is what the capacity bar uses', () => {
    expect(new VirtualDisc('cd74').freeSectors()).toBe(MEDIA.cd74.sectors);
  });
});
