/**
 * Test audio made at test time with Debian's tools (nothing binary is committed): Ogg Vorbis tracks from
 * Debian's drascula-music, and from them a FLAC (flac), an MP3 (lame) and a 48 kHz Opus (sox + opusenc).
 * References are independent decodes to 44.1 kHz s16le stereo by ffmpeg.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const DRASCULA = '/usr/share/scummvm/drascula/audio';
export const ARTIFACTS = join(import.meta.dirname, '..', 'test-artifacts');

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

export interface Fixture { name: string; path: string; kind: 'vorbis' | 'flac' | 'mp3' | 'opus' | 'wav' | 'aac' }

/** Makes (once) FLAC, MP3 and 48 kHz Opus versions of drascula track `n` in `dir`; returns all four files. */
export function makeFixtures(dir: string, tracks: { vorbis: number; flac: number; mp3: number; opus: number }): Fixture[] {
  mkdirSync(dir, { recursive: true });
  const src = (n: number) => join(DRASCULA, `track${n}.ogg`);
  const wav = (n: number) => { const p = join(dir, `track${n}.wav`); if (!existsSync(p)) run('oggdec', ['-Q', '-o', p, src(n)]); return p; };
  const flac = join(dir, `track${tracks.flac}.flac`);
  if (!existsSync(flac)) run('flac', ['-s', '-f', '-o', flac, wav(tracks.flac)]);
  const mp3 = join(dir, `track${tracks.mp3}.mp3`);
  if (!existsSync(mp3)) run('lame', ['--quiet', '-b', '192', wav(tracks.mp3), mp3]);
  const opus = join(dir, `track${tracks.opus}.opus`);
  if (!existsSync(opus)) {
    const w48 = join(dir, `track${tracks.opus}-48k.wav`);
    run('sox', [wav(tracks.opus), '-r', '48000', w48]);
    run('opusenc', ['--quiet', '--bitrate', '160', w48, opus]);
  }
  return [
    { name: `track${tracks.vorbis}.ogg`, path: src(tracks.vorbis), kind: 'vorbis' },
    { name: `track${tracks.flac}.flac`, path: flac, kind: 'flac' },
    { name: `track${tracks.mp3}.mp3`, path: mp3, kind: 'mp3' },
    { name: `track${tracks.opus}.opus`, path: opus, kind: 'opus' },
  ];
}

/** An AAC-LC .m4a of drascula track `n`, made by ffmpeg's native AAC encoder. */
export function makeM4a(dir: string, n: number): Fixture {
  mkdirSync(dir, { recursive: true });
  const p = join(dir, `track${n}.m4a`);
  if (!existsSync(p)) run('ffmpeg', ['-v', 'error', '-y', '-i', join(DRASCULA, `track${n}.ogg`), '-c:a', 'aac', '-b:a', '192k', p]);
  return { name: `track${n}.m4a`, path: p, kind: 'aac' };
}

/** 44.1 kHz s16le stereo decode of `path` by ffmpeg (independent of the decoders under test). */
export function ffmpegPcm(path: string): Buffer {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-f', 's16le', '-acodec', 'pcm_s16le', '-ar', '44100', '-ac', '2', '-'], { maxBuffer: 1 << 30 });
}

/** The WAV the FLAC was encoded from, as raw s16le (bit-exact reference for the lossless path). */
export function wavPcm(path: string): Buffer {
  const b = readFileSync(path);
  const data = b.indexOf('data', 12, 'latin1');
  return b.subarray(data + 8, data + 8 + b.readUInt32LE(data + 4));
}

/** Signal-to-noise ratio in dB of `test` against `ref` (s16le, same length). */
export function snrDb(ref: Uint8Array, test: Uint8Array): number {
  const a = new Int16Array(ref.buffer, ref.byteOffset, ref.byteLength >> 1);
  const b = new Int16Array(test.buffer, test.byteOffset, test.byteLength >> 1);
  let s = 0, n = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) { s += a[i] * a[i]; n += (a[i] - b[i]) ** 2; }
  return n === 0 ? Infinity : 10 * Math.log10(s / n);
}
