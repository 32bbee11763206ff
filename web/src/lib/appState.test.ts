import { describe, expect, it } from 'vitest';
import { burnBlocker, capacityOf, initialState, reducer, titleFromFileName, type AppState } from './appState';
import type { BurnResult, TaoProgress } from '../engine/types';

const file = (name: string) => new File([new Uint8Array(4)], name);
const min = (m: number) => m * 60 * 44100 * 4;
function withTracks(...mins: number[]): AppState {
  let s = reducer(initialState, { type: 'add', items: mins.map((_, i) => ({ id: `t${i}`, file: file(`${i + 1} - Song ${i + 1}.mp3`) })) });
  mins.forEach((m, i) => { s = reducer(s, { type: 'probed', id: `t${i}`, format: 'mp3', sampleRate: 44100, pcmBytes: min(m) }); });
  return s;
}

describe('appState', () => {
  it('titles come from file names without track numbers', () => {
    expect(titleFromFileName('01 - Intro.flac')).toBe('Intro');
    expect(titleFromFileName('03_Some_Song.ogg')).toBe('Some Song');
    expect(titleFromFileName('track12.ogg')).toBe('track12');
    expect(titleFromFileName('42.mp3')).toBe('42');
  });
  it('adds, probes, reorders and removes tracks', () => {
    let s = withTracks(3, 4, 5);
    expect(s.tracks.map((t) => t.title)).toEqual(['Song 1', 'Song 2', 'Song 3']);
    s = reducer(s, { type: 'move', from: 0, to: 2 });
    expect(s.tracks.map((t) => t.id)).toEqual(['t1', 't2', 't0']);
    s = reducer(s, { type: 'move', from: 5, to: 0 });
    expect(s.tracks.map((t) => t.id)).toEqual(['t1', 't2', 't0']);
    s = reducer(s, { type: 'remove', id: 't2' });
    expect(s.tracks.map((t) => t.id)).toEqual(['t1', 't0']);
  });
  it('blocks Burn while reading, on unreadable files, and when the album does not fit', () => {
    expect(burnBlocker(initialState)).toMatch(/Add some audio/);
    let s = reducer(initialState, { type: 'add', items: [{ id: 'a', file: file('a.mp3') }] });
    expect(burnBlocker(s)).toMatch(/Still reading/);
    s = reducer(s, { type: 'probeFailed', id: 'a', error: 'bad' });
    expect(burnBlocker(s)).toMatch(/could not be read/);
    const big = withTracks(40, 38);
    expect(capacityOf(big).fits).toBe(true);
    expect(burnBlocker(big)).toBeNull();
    const on74 = reducer(big, { type: 'options', options: { media: 'cd74' } });
    expect(capacityOf(on74).fits).toBe(false);
    expect(burnBlocker(on74)).toMatch(/does not fit/);
  });
  it('freezes the list and options during a burn, then shows the result', () => {
    let s = reducer(withTracks(3), { type: 'burnStart' });
    expect(reducer(s, { type: 'remove', id: 't0' })).toBe(s);
    expect(reducer(s, { type: 'options', options: { speed: 4 } })).toBe(s);
    expect(reducer(s, { type: 'add', items: [{ id: 'x', file: file('x.mp3') }] })).toBe(s);
    expect(burnBlocker(s)).toMatch(/in progress/);
    s = reducer(s, { type: 'progress', progress: { writtenSectors: 5 } as TaoProgress });
    s = reducer(s, { type: 'cancelRequested' });
    expect(s.phase).toMatchObject({ kind: 'burning', cancelling: true, progress: { writtenSectors: 5 } });
    s = reducer(s, { type: 'burnDone', result: { outcome: 'cancelled' } as BurnResult });
    expect(s.phase.kind).toBe('done');
    expect(reducer(s, { type: 'dismissResult' }).phase.kind).toBe('idle');
  });
});
