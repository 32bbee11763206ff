import { describe, expect, it } from 'vitest';
import { Resampler } from './resampler';

function tone(freq: number, rate: number, frames: number, amp = 0.5): Float32Array {
  const x = new Float32Array(frames);
  for (let i = 0; i < frames; i++) x[i] = amp * Math.sin((2 * Math.PI * freq * i) / rate);
  return x;
}
function rms(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return Math.sqrt(s / (to - from));
}
function run(r: Resampler, input: Float32Array[], chunk = 4096): Float32Array[] {
  const parts: Float32Array[][] = [];
  for (let i = 0; i < input[0].length; i += chunk) parts.push(r.push(input.map((c) => c.subarray(i, i + chunk))));
  parts.push(r.flush());
  return input.map((_, c) => {
    const len = parts.reduce((n, p) => n + p[c].length, 0);
    const out = new Float32Array(len);
    let o = 0;
    for (const p of parts) { out.set(p[c], o); o += p[c].length; }
    return out;
  });
}
const db = (x: number) => 20 * Math.log10(x);

describe('Resampler 48 kHz → 44.1 kHz', () => {
  const frames = 48000;
  it('output length is exactly ceil(in · 147/160), whatever the chunking', () => {
    for (const n of [0, 1, 159, 160, 161, 48000, 48017]) {
      for (const chunk of [1000, 4096]) {
        const out = run(new Resampler(48000, 44100, 1), [tone(440, 48000, n)], chunk);
        expect(out[0].length).toBe(Resampler.outputFrames(n, 48000, 44100));
      }
    }
    expect(Resampler.outputFrames(48000, 48000, 44100)).toBe(44100);
  });
  it('chunked and one-shot processing give identical samples', () => {
    const x = tone(1234, 48000, 20000);
    const a = run(new Resampler(48000, 44100, 1), [x], 20000)[0];
    const b = run(new Resampler(48000, 44100, 1), [x], 333)[0];
    expect(Array.from(b)).toEqual(Array.from(a));
  });
  it('passes 1 kHz and 19 kHz at unity gain (±0.05 dB) without delay', () => {
    for (const f of [1000, 19000]) {
      const y = run(new Resampler(48000, 44100, 1), [tone(f, 48000, frames)])[0];
      const ref = tone(f, 44100, y.length);
      const mid = [4000, y.length - 4000] as const;
      expect(Math.abs(db(rms(y, ...mid) / rms(ref, ...mid)))).toBeLessThan(0.05);
      let err = 0;
      for (let i = mid[0]; i < mid[1]; i++) err += (y[i] - ref[i]) ** 2;
      // sample-aligned: the difference from the ideal 44.1 kHz tone is more than 60 dB down
      expect(db(Math.sqrt(err / (mid[1] - mid[0])) / rms(ref, ...mid))).toBeLessThan(-60);
    }
  });
  it('stepped sweep through the stop band (22.1–24 kHz): every alias is at least 90 dB down', () => {
    let worst = -Infinity;
    for (let f = 22100; f < 24000; f += 100) {
      const x = tone(f, 48000, frames);
      const y = run(new Resampler(48000, 44100, 1), [x])[0];
      const level = db(rms(y, 2000, y.length - 2000) / rms(x));
      worst = Math.max(worst, level);
    }
    expect(worst).toBeLessThan(-90);
  });
  it('keeps channels separate', () => {
    const [l, r] = run(new Resampler(48000, 44100, 2), [tone(1000, 48000, 9600), new Float32Array(9600)]);
    expect(rms(l)).toBeGreaterThan(0.3);
    expect(rms(r)).toBe(0);
  });
});

describe('Resampler other rates', () => {
  it('passes 44.1 kHz through bit-exact', () => {
    const x = tone(997, 44100, 5000);
    const y = run(new Resampler(44100, 44100, 1), [x], 777)[0];
    expect(Array.from(y)).toEqual(Array.from(x));
  });
  it('upsamples 22.05 kHz and 32 kHz with exact lengths and unity gain', () => {
    for (const rate of [22050, 32000, 8000]) {
      const y = run(new Resampler(rate, 44100, 1), [tone(500, rate, rate)])[0];
      expect(y.length).toBe(44100);
      expect(Math.abs(db(rms(y, 4000, 40000) / (0.5 / Math.SQRT2)))).toBeLessThan(0.05);
    }
  });
  it('downsamples 96 kHz, rejecting 30 kHz by 90 dB', () => {
    const y = run(new Resampler(96000, 44100, 1), [tone(30000, 96000, 96000)])[0];
    expect(y.length).toBe(44100);
    expect(db(rms(y, 2000, 42000) / (0.5 / Math.SQRT2))).toBeLessThan(-90);
  });
  it('handles a rate pair with many phases (44,056 Hz) by phase approximation', () => {
    const y = run(new Resampler(44056, 44100, 1), [tone(1000, 44056, 44056)])[0];
    expect(y.length).toBe(44100);
    expect(Math.abs(db(rms(y, 4000, 40000) / (0.5 / Math.SQRT2)))).toBeLessThan(0.05);
  });
});
