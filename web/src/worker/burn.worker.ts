/// <reference lib="webworker" />
/**
 * The burn worker: decoding, resampling and the writer run here, off the UI thread. Requests are handled one
 * at a time per kind; a burn is pulled by the writer (PcmReader), so decode runs at the drive's pace.
 * Until the WASM core is bound (wasm/), the writer is the TS stand-in (engine/taoBurn.ts + VirtualDisc).
 */
import { PcmReader, probeFile } from '../audio/cdPcm';
import { burnTao, type BurnClock } from '../engine/taoBurn';
import { VirtualDisc } from '../engine/virtualDisc';
import { kilnError, toKilnError } from '../lib/errors';
import type { TaoProgress } from '../engine/types';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let disc = new VirtualDisc('cd80');
let burning = false;
let cancelRequested = false;

const post = (m: FromWorker) => self.postMessage(m);

/** Yields to the event loop without timer clamping, so a cancel message is seen between writes. */
const yieldChannel = new MessageChannel();
const yieldQueue: (() => void)[] = [];
yieldChannel.port1.onmessage = () => yieldQueue.shift()?.();
const clock: BurnClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => {
    if (ms <= 0) { yieldQueue.push(resolve); yieldChannel.port2.postMessage(0); } else setTimeout(resolve, ms);
  }),
};

/** Sends progress at most every 100 ms, and always on a change of action or track. */
function throttled(): (p: TaoProgress) => void {
  let last = 0, lastKey = '';
  return (p) => {
    const key = `${p.action}/${p.trackIndex}`;
    const now = performance.now();
    if (key !== lastKey || now - last >= 100) { last = now; lastKey = key; post({ type: 'progress', progress: p }); }
  };
}

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'cancel') { cancelRequested = burning; return; }
  try {
    switch (m.type) {
      case 'probe': {
        const r = await probeFile(m.file, m.name);
        post({ type: 'reply', id: m.id, ok: true, value: { format: r.format, sampleRate: r.sampleRate, channels: r.channels, pcmBytes: r.pcmBytes } });
        return;
      }
      case 'burn': {
        if (burning) throw kilnError('E_IMAPI_DF2TAO_WRITE_IN_PROGRESS', 'a burn is already running');
        if (disc.media !== m.options.media && disc.blank) disc = new VirtualDisc(m.options.media);
        burning = true; cancelRequested = false;
        try {
          const result = await burnTao(m.tracks, m.options, {
            disc, clock, onProgress: throttled(), cancelled: () => cancelRequested,
            openSource: (t) => new PcmReader(t.file, t.format),
          });
          post({ type: 'reply', id: m.id, ok: true, value: result });
        } finally { burning = false; }
        return;
      }
      case 'export':
        post({ type: 'reply', id: m.id, ok: true, value: disc.exportImage() });
        return;
      case 'newDisc':
        if (burning) throw kilnError('E_IMAPI_DF2TAO_WRITE_IN_PROGRESS', 'cannot change the disc during a burn');
        disc = new VirtualDisc(m.media);
        post({ type: 'reply', id: m.id, ok: true, value: null });
        return;
    }
  } catch (err) {
    const k = toKilnError(err);
    post({ type: 'reply', id: m.id, ok: false, error: k });
  }
};
