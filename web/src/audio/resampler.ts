/**
 * Streaming rational resampler to the CD rate (44.1 kHz) for planar float audio.
 *
 * Polyphase FIR with a Kaiser-windowed sinc: out/in = L/M (reduced by their gcd), one filter phase per output
 * position. The filter is centred, so output frame n is the band-limited value of the input at time n·M/L
 * (no delay), and the output length is exactly ceil(inFrames · L / M). Samples before the start and after the
 * end count as silence. Same rate → samples are passed through untouched (bit-exact for 44.1 kHz sources).
 *
 * Defaults: pass band to 90 % of the lower Nyquist (19.8 kHz for 44.1 kHz output), stop band from the lower
 * Nyquist (22.05 kHz), 96 dB stop-band attenuation; measured by resampler.test.ts with a stepped sweep.
 */

export interface ResamplerOptions {
  /** Stop-band attenuation in dB (Kaiser design). Default 96. */
  attenuationDb?: number;
  /** Pass-band edge as a fraction of the lower Nyquist frequency. Default 0.9. */
  passband?: number;
  /** Phases above this are approximated by the nearest of this many phases (for odd rate pairs). Default 4096. */
  maxPhases?: number;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Zeroth-order modified Bessel function of the first kind (for the Kaiser window). */
function besselI0(x: number): number {
  let sum = 1, term = 1;
  for (let k = 1; k < 50; k++) {
    term *= (x / (2 * k)) ** 2;
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

export class Resampler {
  readonly inRate: number;
  readonly outRate: number;
  readonly channels: number;
  /** Output positions per input step pattern: out/in = up/down. */
  private readonly up: number;
  private readonly down: number;
  /** Taps per phase (even). */
  readonly taps: number;
  /** phases × taps coefficients; phase p row k weights input frame (i − taps/2 + 1 + k). */
  private readonly table: Float32Array;
  private readonly passthrough: boolean;
  /** Input history per channel; buf[0] is absolute input frame `bufStart`. */
  private buf: Float32Array[];
  private bufLen = 0;
  private bufStart: number;
  /** Next output frame number. */
  private outPos = 0;
  private inFrames = 0;
  private flushed = false;

  constructor(inRate: number, outRate: number, channels: number, opts: ResamplerOptions = {}) {
    if (!(inRate > 0 && outRate > 0 && Number.isInteger(inRate) && Number.isInteger(outRate))) {
      throw new RangeError(`unsupported sample rates ${inRate} → ${outRate}`);
    }
    this.inRate = inRate; this.outRate = outRate; this.channels = channels;
    const g = gcd(inRate, outRate);
    this.up = outRate / g; this.down = inRate / g;
    this.passthrough = inRate === outRate;
    const atten = opts.attenuationDb ?? 96;
    const nyq = Math.min(inRate, outRate) / 2;
    const fPass = nyq * (opts.passband ?? 0.9);
    const fStop = nyq;
    // Kaiser: taps ≈ (A − 7.95) / (14.36 · Δf / fs) at the input rate (one tap per input sample per phase).
    const width = (fStop - fPass) / inRate;
    this.taps = this.passthrough ? 0 : 2 * Math.ceil((atten - 7.95) / (14.36 * width) / 2);
    const beta = atten > 50 ? 0.1102 * (atten - 8.7) : 0.5842 * (atten - 21) ** 0.4 + 0.07886 * (atten - 21);
    const cutoff = (fPass + fStop) / 2 / inRate; // cycles per input sample
    const phases = Math.min(this.up, opts.maxPhases ?? 4096);
    this.table = new Float32Array(this.passthrough ? 0 : phases * this.taps);
    const half = this.taps / 2;
    const i0beta = besselI0(beta);
    for (let p = 0; p < phases; p++) {
      const frac = p / phases;
      let sum = 0;
      for (let k = 0; k < this.taps; k++) {
        const d = frac + half - 1 - k; // distance (input frames) from the output instant to this tap
        const x = 2 * cutoff * d;
        const sinc = d === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
        const r = d / (half + 0.5);
        const w = Math.abs(r) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - r * r)) / i0beta;
        const h = 2 * cutoff * sinc * w;
        this.table[p * this.taps + k] = h;
        sum += h;
      }
      // Normalise each phase to unity DC gain so a constant stays a constant (no phase-dependent ripple).
      for (let k = 0; k < this.taps; k++) this.table[p * this.taps + k] /= sum;
    }
    this.bufStart = -half; // virtual silence before frame 0
    this.buf = Array.from({ length: channels }, () => new Float32Array(Math.max(4096, this.taps * 2)));
    this.bufLen = half;
  }

  /** Output frames for `inFrames` input frames: ceil(inFrames · out / in). */
  static outputFrames(inFrames: number, inRate: number, outRate: number): number {
    const g = gcd(inRate, outRate);
    const up = outRate / g, down = inRate / g;
    return Math.floor((inFrames * up + down - 1) / down);
  }

  /** Feeds planar input (one array per channel, equal lengths); returns the output frames now computable. */
  push(input: readonly Float32Array[]): Float32Array[] {
    if (this.flushed) throw new Error('Resampler: push after flush');
    const n = input[0]?.length ?? 0;
    this.inFrames += n;
    if (this.passthrough) return input.map((c) => c.slice());
    this.append(input, n);
    return this.produce(false);
  }

  /** Ends the stream: returns the remaining output frames (the total is exactly outputFrames(inFrames)). */
  flush(): Float32Array[] {
    this.flushed = true;
    if (this.passthrough) return Array.from({ length: this.channels }, () => new Float32Array(0));
    return this.produce(true);
  }

  private append(input: readonly Float32Array[], n: number): void {
    if (this.bufLen + n > this.buf[0].length) {
      const size = Math.max(this.buf[0].length * 2, this.bufLen + n);
      this.buf = this.buf.map((b) => { const nb = new Float32Array(size); nb.set(b.subarray(0, this.bufLen)); return nb; });
    }
    for (let c = 0; c < this.channels; c++) this.buf[c].set(input[c], this.bufLen);
    this.bufLen += n;
  }

  private produce(final: boolean): Float32Array[] {
    const { up, down, taps } = this;
    const half = taps / 2;
    const phases = this.table.length / taps;
    const total = final ? Resampler.outputFrames(this.inFrames, this.inRate, this.outRate) : Infinity;
    if (final) { // silence after the end, enough for the last output's window
      const pad = Array.from({ length: this.channels }, () => new Float32Array(taps + 1));
      this.append(pad, taps + 1);
    }
    const bufEnd = this.bufStart + this.bufLen; // exclusive absolute frame
    // Output n needs input frames up to floor(n·down/up) + half.
    let last = Math.floor(((bufEnd - half) * up - 1) / down); // largest n with i + half < bufEnd
    last = Math.min(last, total - 1);
    const count = Math.max(0, last - this.outPos + 1);
    const out = Array.from({ length: this.channels }, () => new Float32Array(count));
    const table = this.table;
    // Channels are processed in pairs so each coefficient is loaded once for two samples.
    for (let c = 0; c < this.channels; c += 2) {
      const x0 = this.buf[c], y0 = out[c];
      const stereo = c + 1 < this.channels;
      const x1 = stereo ? this.buf[c + 1] : x0, y1 = stereo ? out[c + 1] : y0;
      for (let j = 0; j < count; j++) {
        const num = (this.outPos + j) * down;
        let i = Math.floor(num / up);
        let p = num - i * up;
        if (phases !== up) { p = Math.round((p / up) * phases); if (p === phases) { p = 0; i++; } }
        let b = i - half + 1 - this.bufStart;
        let t = p * taps;
        const end = t + taps;
        let a0 = 0, a1 = 0;
        while (t < end) {
          const h = table[t++];
          a0 += h * x0[b]; a1 += h * x1[b]; b++;
        }
        y0[j] = a0;
        if (stereo) y1[j] = a1;
      }
    }
    this.outPos += count;
    // Drop input no longer needed: next output needs frames from floor(outPos·down/up) − half + 1.
    const keepFrom = Math.floor((this.outPos * down) / up) - half + 1;
    const drop = Math.max(0, Math.min(this.bufLen, keepFrom - this.bufStart));
    if (drop > 0) {
      for (let c = 0; c < this.channels; c++) this.buf[c].copyWithin(0, drop, this.bufLen);
      this.bufLen -= drop; this.bufStart += drop;
    }
    return out;
  }
}
