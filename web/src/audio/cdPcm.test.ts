import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, ffmpegPcm, makeFixtures, snrDb, wavPcm, type Fixture } from '../../tests/fixtures';
import { PcmReader, probeFile, floatToS16Interleaved, flacScale, toStereo } from './cdPcm';
import { sniffFormat } from './sniff';
import type { AudioFormat } from './types';

const dir = join(ARTIFACTS, 'fixtures-unit');
let fx: Fixture[];
beforeAll(() => { fx = makeFixtures(dir, { vorbis: 12, flac: 28, mp3: 17, opus: 12 }); }, 60_000);

const blobOf = (p: string) => new Blob([readFileSync(p)]);
async function readAll(blob: Blob, format: AudioFormat): Promise<Uint8Array> {
  const r = new PcmReader(blob, format);
  const parts: Uint8Array[] = [];
  const buf = new Uint8Array(2352 * 27);
  for (let n; (n = await r.read(buf)) > 0;) parts.push(buf.slice(0, n));
  return Buffer.concat(parts);
}

describe('CD PCM from real files', () => {
  it('FLAC of 44.1 kHz audio decodes bit-exact, with the probed length', async () => {
    const f = fx.find((x) => x.kind === 'flac')!;
    const probe = await probeFile(blobOf(f.path), f.name);
    expect(probe.format).toBe('flac');
    const pcm = await readAll(blobOf(f.path), 'flac');
    const ref = wavPcm(join(dir, 'track28.wav'));
    expect(pcm.length).toBe(ref.length);
    expect(probe.pcmBytes).toBe(ref.length);
    expect(Buffer.compare(Buffer.from(pcm), ref)).toBe(0);
  });
  it('Ogg Vorbis matches ffmpeg in length and at high SNR', async () => {
    const f = fx.find((x) => x.kind === 'vorbis')!;
    const pcm = await readAll(blobOf(f.path), 'vorbis');
    const ref = ffmpegPcm(f.path);
    expect(pcm.length).toBe(ref.length);
    expect(snrDb(ref, pcm)).toBeGreaterThan(60);
  });
  it('MP3 is gapless: length exact against ffmpeg, SNR high', async () => {
    const f = fx.find((x) => x.kind === 'mp3')!;
    const pcm = await readAll(blobOf(f.path), 'mp3');
    const ref = ffmpegPcm(f.path);
    expect(pcm.length).toBe(ref.length);
    expect(snrDb(ref, pcm)).toBeGreaterThan(40);
  });
  it('48 kHz Opus is resampled to 44.1 kHz: length exact against ffmpeg, SNR high', async () => {
    const f = fx.find((x) => x.kind === 'opus')!;
    const probe = await probeFile(blobOf(f.path), f.name);
    expect(probe.sampleRate).toBe(48000);
    const pcm = await readAll(blobOf(f.path), 'opus');
    const ref = ffmpegPcm(f.path);
    expect(pcm.length).toBe(ref.length);
    expect(probe.pcmBytes).toBe(pcm.length);
    expect(snrDb(ref, pcm)).toBeGreaterThan(30);
  });
  it('WAV decodes bit-exact', async () => {
    const p = join(dir, 'track28.wav');
    const pcm = await readAll(blobOf(p), 'wav');
    expect(Buffer.compare(Buffer.from(pcm), wavPcm(p))).toBe(0);
  });
});

describe('format helpers', () => {
  it('sniffs by content, not by name', () => {
    const b = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
    expect(sniffFormat(b('fLaC\0\0\0\x22'), 'x.mp3')).toBe('flac');
    expect(sniffFormat(b('OggS' + '\0'.repeat(24) + '\x01vorbis'), 'a.opus')).toBe('vorbis');
    expect(sniffFormat(b('OggS' + '\0'.repeat(24) + 'OpusHead'))).toBe('opus');
    expect(sniffFormat(b('\0\0\0\x20ftypM4A '))).toBe('aac');
    expect(sniffFormat(b('ID3\x04'))).toBe('mp3');
    expect(sniffFormat(new Uint8Array([0xff, 0xfb, 0x90, 0]))).toBe('mp3');
    expect(sniffFormat(new Uint8Array([0xff, 0xf1, 0x50, 0]))).toBe('aac');
    expect(sniffFormat(b('hello'), 'notes.txt')).toBeNull();
  });
  it('converts floats to clipped 16-bit LE interleaved', () => {
    const out = floatToS16Interleaved(new Float32Array([0, 1, -1.5]), new Float32Array([0.5, -1, 0]));
    expect(Array.from(new Int16Array(out.buffer))).toEqual([0, 16384, 32767, -32768, -32768, 0]);
    const all = new Float32Array(65536).map((_, i) => (i - 32768) / 32767); // as the FLAC decoder scales
    const back = new Int16Array(floatToS16Interleaved(all, all, flacScale(16)).buffer);
    expect(back.filter((v, i) => i % 2 === 0 && v !== (i >> 1) - 32768).length).toBe(0);
    expect(flacScale(24)).toBeCloseTo(32767.996, 3);
    const [l, r] = toStereo([new Float32Array([0.25])]);
    expect(r).toBe(l);
  });
});
