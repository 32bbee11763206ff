import { describe, expect, it } from 'vitest';
import { albumCapacity, formatSeconds, formatSectors, MEDIA, trackSectors, SECTOR_BYTES } from './capacity';

describe('trackSectors', () => {
  it('rounds a partial last sector up', () => {
    expect(trackSectors(SECTOR_BYTES * 1000)).toBe(1000);
    expect(trackSectors(SECTOR_BYTES * 1000 + 4)).toBe(1001);
  });
  it('pads short tracks to the 4-second minimum', () => {
    expect(trackSectors(0)).toBe(300);
    expect(trackSectors(SECTOR_BYTES * 299)).toBe(300);
    expect(trackSectors(SECTOR_BYTES * 301)).toBe(301);
  });
  it('rejects nonsense', () => {
    expect(() => trackSectors(-1)).toThrow(RangeError);
    expect(() => trackSectors(Number.NaN)).toThrow(RangeError);
  });
});

describe('albumCapacity', () => {
  const min = (m: number) => m * 60 * 75 * SECTOR_BYTES;
  it('counts a 2-second gap before every track after the first', () => {
    const r = albumCapacity([min(10), min(10), min(10)], MEDIA.cd80.sectors);
    expect(r.usedSectors).toBe(3 * 45000 + 2 * 150);
    expect(r.fits).toBe(true);
    expect(r.freeSectors).toBe(MEDIA.cd80.sectors - r.usedSectors);
  });
  it('reports the 4-second minimum as padding', () => {
    const r = albumCapacity([SECTOR_BYTES * 75, min(1)], MEDIA.cd74.sectors);
    expect(r.paddedTracks).toEqual([0]);
    expect(r.usedSectors).toBe(300 + 150 + 4500);
  });
  it('an album exactly filling the medium fits, one sector more does not', () => {
    const total = MEDIA.cd74.sectors;
    const exact = albumCapacity([SECTOR_BYTES * (total - 150 - 300), SECTOR_BYTES * 300], total);
    expect(exact.freeSectors).toBe(0);
    expect(exact.fits).toBe(true);
    const over = albumCapacity([SECTOR_BYTES * (total - 150 - 300) + 1, SECTOR_BYTES * 300], total);
    expect(over.fits).toBe(false);
    expect(over.freeSectors).toBe(-1);
  });
  it('78 minutes fit on 80-minute media but not on 74-minute media', () => {
    const album = Array.from({ length: 13 }, () => min(6));
    expect(albumCapacity(album, MEDIA.cd80.sectors).fits).toBe(true);
    expect(albumCapacity(album, MEDIA.cd74.sectors).fits).toBe(false);
  });
  it('media sizes are the ATIP last lead-out starts the virtual drive reports', () => {
    expect(MEDIA.cd74.sectors).toBe(332849);
    expect(MEDIA.cd80.sectors).toBe(359849);
  });
  it('refuses more than 99 tracks even when they fit', () => {
    const r = albumCapacity(Array.from({ length: 100 }, () => SECTOR_BYTES * 300), MEDIA.cd80.sectors);
    expect(r.tooManyTracks).toBe(true);
    expect(r.fits).toBe(false);
  });
  it('empty album uses nothing', () => {
    expect(albumCapacity([], MEDIA.cd80.sectors).usedSectors).toBe(0);
  });
});

describe('formatting', () => {
  it('formats minutes and seconds', () => {
    expect(formatSeconds(0)).toBe('0:00');
    expect(formatSeconds(61.9)).toBe('1:01');
    expect(formatSeconds(-5)).toBe('−0:05');
    expect(formatSectors(4500 * 74)).toBe('74:00');
  });
});
