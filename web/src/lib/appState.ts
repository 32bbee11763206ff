/**
 * The page's state as a pure reducer (tested in appState.test.ts): the track list and each file's probe,
 * the chosen medium and burn options, and the burn's phase. No I/O here.
 */
import { albumCapacity, MEDIA, type CapacityReport, type MediaKind } from './capacity';
import type { KilnError } from './errors';
import type { AudioFormat } from '../audio/types';
import type { BurnOptions, BurnResult, TaoProgress } from '../engine/types';

export interface TrackItem {
  id: string;
  file: File;
  title: string;
  status: 'probing' | 'ready' | 'error';
  format?: AudioFormat;
  sampleRate?: number;
  pcmBytes?: number;
  error?: string;
}

export type Phase =
  | { kind: 'idle' }
  | { kind: 'burning'; progress: TaoProgress | null; cancelling: boolean }
  | { kind: 'done'; result: BurnResult };

export interface AppState {
  tracks: TrackItem[];
  options: BurnOptions;
  phase: Phase;
}

export const initialState: AppState = {
  tracks: [],
  options: { media: 'cd80', speed: 0, testWrite: false, doNotFinalize: false },
  phase: { kind: 'idle' },
};

export type Action =
  | { type: 'add'; items: { id: string; file: File }[] }
  | { type: 'probed'; id: string; format: AudioFormat; sampleRate: number; pcmBytes: number }
  | { type: 'probeFailed'; id: string; error: string }
  | { type: 'remove'; id: string }
  | { type: 'move'; from: number; to: number }
  | { type: 'options'; options: Partial<BurnOptions> }
  | { type: 'burnStart' }
  | { type: 'progress'; progress: TaoProgress }
  | { type: 'cancelRequested' }
  | { type: 'burnDone'; result: BurnResult }
  | { type: 'dismissResult' };

/** "01 - Song Name.flac" → "Song Name"; keeps the name when stripping would leave nothing. */
export function titleFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, '');
  const t = base.replace(/^\s*\d{1,3}\s*[-._)]\s*/, '').replace(/_/g, ' ').trim();
  return t || base || name;
}

export function reducer(s: AppState, a: Action): AppState {
  const burning = s.phase.kind === 'burning';
  switch (a.type) {
    case 'add':
      if (burning) return s;
      return { ...s, tracks: [...s.tracks, ...a.items.map(({ id, file }) => ({ id, file, title: titleFromFileName(file.name), status: 'probing' as const }))] };
    case 'probed':
      return mapTrack(s, a.id, (t) => ({ ...t, status: 'ready', format: a.format, sampleRate: a.sampleRate, pcmBytes: a.pcmBytes }));
    case 'probeFailed':
      return mapTrack(s, a.id, (t) => ({ ...t, status: 'error', error: a.error }));
    case 'remove':
      return burning ? s : { ...s, tracks: s.tracks.filter((t) => t.id !== a.id) };
    case 'move': {
      if (burning || a.from === a.to || a.from < 0 || a.to < 0 || a.from >= s.tracks.length || a.to >= s.tracks.length) return s;
      const tracks = s.tracks.slice();
      const [m] = tracks.splice(a.from, 1);
      tracks.splice(a.to, 0, m);
      return { ...s, tracks };
    }
    case 'options':
      return burning ? s : { ...s, options: { ...s.options, ...a.options } };
    case 'burnStart':
      return burning ? s : { ...s, phase: { kind: 'burning', progress: null, cancelling: false } };
    case 'progress':
      return s.phase.kind === 'burning' ? { ...s, phase: { ...s.phase, progress: a.progress } } : s;
    case 'cancelRequested':
      return s.phase.kind === 'burning' ? { ...s, phase: { ...s.phase, cancelling: true } } : s;
    case 'burnDone':
      return { ...s, phase: { kind: 'done', result: a.result } };
    case 'dismissResult':
      return { ...s, phase: { kind: 'idle' } };
  }
}

function mapTrack(s: AppState, id: string, f: (t: TrackItem) => TrackItem): AppState {
  return { ...s, tracks: s.tracks.map((t) => (t.id === id ? f(t) : t)) };
}

/** Capacity of the ready tracks on the chosen medium. */
export function capacityOf(s: AppState): CapacityReport {
  return albumCapacity(s.tracks.filter((t) => t.status === 'ready').map((t) => t.pcmBytes!), MEDIA[s.options.media as MediaKind].sectors);
}

/** Why Burn is not possible now, in words for the user; null when it is. */
export function burnBlocker(s: AppState): string | null {
  if (s.phase.kind === 'burning') return 'A burn is in progress.';
  if (!s.tracks.length) return 'Add some audio files first.';
  if (s.tracks.some((t) => t.status === 'probing')) return 'Still reading the files…';
  if (s.tracks.some((t) => t.status === 'error')) return 'Remove the files that could not be read.';
  const cap = capacityOf(s);
  if (cap.tooManyTracks) return `A CD holds at most 99 tracks; this album has ${s.tracks.length}.`;
  if (!cap.fits) return 'The album does not fit on this disc. Remove tracks or choose larger media.';
  return null;
}

export type { KilnError };
