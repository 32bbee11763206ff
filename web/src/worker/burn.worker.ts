/// <reference lib="webworker" />
/**
 * The burn worker: decoding, resampling and the writer run here, off the UI thread. Requests are handled one
 * at a time per kind; a burn is pulled by the writer (PcmReader), so decode runs at the drive's pace.
 * The writer is the Kiln core in WebAssembly (wasm/, engine/wasmBurn.ts) when this build includes it
 * (scripts/web-wasm-build); otherwise the TS stand-in (engine/taoBurn.ts + VirtualDisc) keeps the page usable.
 */
import { PcmReader, probeFile } from '../audio/cdPcm';
import { burnTao, type BurnClock } from '../engine/taoBurn';
import { VirtualDisc } from '../engine/virtualDisc';
import { burnWithCore, exportFromCore } from '../engine/wasmBurn';
import { loadKilnCore, type KilnCore } from '../wasm/kilnCore';
import { OpfsDisc } from '../wasm/opfsStore';
import type { KilnBurner } from '../../../wasm/kiln_wasm';
import type { MediaKind } from '../lib/capacity';
import { usbBridge } from '../usb/usbProxy';
import { kilnError, toKilnError } from '../lib/errors';
import type { TaoProgress, TrackSpec } from '../engine/types';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let disc = new VirtualDisc('cd80');
let burning = false;
let cancelRequested = false;
/** The WASM core, or null when this build has none. */
const corePromise: Promise<KilnCore | null> = loadKilnCore().catch((e) => { console.error('Kiln core failed to load', e); return null; });
/** This page session's disc files in OPFS (outside the WASM heap), or null where OPFS is unavailable: then the
 *  virtual drive keeps the disc in WASM memory (MemoryStore), which grows with the album. */
const opfsPromise: Promise<OpfsDisc | null> = OpfsDisc.create();
/** The in-browser virtual drive in the core, created on first use. */
let coreDrive: { burner: KilnBurner; media: MediaKind; blank: boolean; finalized: boolean; opfs: OpfsDisc | null } | null = null;

async function dropCoreDrive(core: KilnCore): Promise<void> {
  if (!coreDrive) return;
  const { burner } = coreDrive;
  coreDrive = null;
  await core.call(() => { burner.delete(); return { ok: true as const, value: undefined }; });
}

/** The virtual drive for a burn. A finalised disc cannot take more tracks, so each burn gets a new blank disc
 *  unless the disc in the drive was left open (do-not-finalize → append later, within this page session). */
async function virtualBurner(core: KilnCore, media: MediaKind): Promise<KilnBurner> {
  if (coreDrive && (coreDrive.finalized || (coreDrive.media !== media && coreDrive.blank))) await dropCoreDrive(core);
  const opfs = await opfsPromise;
  if (opfs) await opfs.open();  // closed by the last export
  if (!coreDrive) {
    const burner = await core.newBurner();
    if (opfs) { await opfs.reset(); core.module.kilnStore = opfs; }
    await core.call(() => burner.openVirtual(media, 0, opfs ? 'file' : 'memory'));
    coreDrive = { burner, media, blank: true, finalized: false, opfs };
  }
  return coreDrive.burner;
}

/** Where the virtual drive keeps its disc. */
async function discStorage(): Promise<'opfs' | 'memory'> { return (await opfsPromise) ? 'opfs' : 'memory'; }

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

/** A burn through the page's claimed USB drive: the core's WebUsbPipe calls Module.kilnUsb (usbProxy.ts). */
async function burnUsb(core: KilnCore, m: Extract<ToWorker, { type: 'burn' }>, openSource: (t: TrackSpec) => PcmReader) {
  const usb = m.usb!;
  core.module.kilnUsb = usbBridge(usb.port, usb);
  const burner = await core.newBurner();
  try {
    await core.call(() => burner.openWebUsb());
    return await burnWithCore(m.tracks, m.options, {
      core, burner, virtual: false, openSource, onProgress: throttled(), cancelled: () => cancelRequested, now: () => performance.now(),
    });
  } finally {
    await core.call(() => { burner.delete(); return { ok: true as const, value: undefined }; });
    core.module.kilnUsb = undefined;
    usb.port.close();
  }
}

/** Measurement hook for scripts/bench-web: JS heap of this worker (where Chromium exposes it), the size of the
 *  core's WebAssembly memory, and where the virtual disc is kept. */
(self as unknown as { __kilnStats: () => Promise<{ jsHeapBytes: number | null; wasmBytes: number | null; discStorage: string }> }).__kilnStats = async () => ({
  jsHeapBytes: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? null,
  wasmBytes: (await corePromise)?.module.HEAPU8.length ?? null,
  discStorage: await discStorage(),
});

self.onmessage = async (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'cancel') {
    cancelRequested = burning;
    if (burning) (await corePromise)?.requestCancel();
    return;
  }
  try {
    switch (m.type) {
      case 'probe': {
        const r = await probeFile(m.file, m.name);
        post({ type: 'reply', id: m.id, ok: true, value: { format: r.format, sampleRate: r.sampleRate, channels: r.channels, pcmBytes: r.pcmBytes } });
        return;
      }
      case 'burn': {
        if (burning) throw kilnError('E_IMAPI_DF2TAO_WRITE_IN_PROGRESS', 'a burn is already running');
        burning = true; cancelRequested = false;
        try {
          const core = await corePromise;
          const openSource = (t: TrackSpec) => new PcmReader(t.file, t.format);
          let result;
          if (m.usb) {
            if (!core) throw kilnError('E_FAIL', 'burning to a USB drive needs the WebAssembly core, which this build does not include');
            result = await burnUsb(core, m, openSource);
          } else if (core) {
            const burner = await virtualBurner(core, m.options.media);
            result = await burnWithCore(m.tracks, m.options, {
              core, burner, virtual: true, openSource, onProgress: throttled(), cancelled: () => cancelRequested, now: () => performance.now(),
            });
            if (coreDrive) { coreDrive.blank = result.tracksOnDisc === 0; coreDrive.finalized = result.finalized; }
          } else {
            if (disc.media !== m.options.media && disc.blank) disc = new VirtualDisc(m.options.media);
            result = await burnTao(m.tracks, m.options, { disc, clock, onProgress: throttled(), cancelled: () => cancelRequested, openSource });
          }
          post({ type: 'reply', id: m.id, ok: true, value: result });
        } finally { burning = false; }
        return;
      }
      case 'export': {
        const core = await corePromise;
        const image = core ? (coreDrive ? await exportFromCore(core, coreDrive.burner, coreDrive.opfs) : null) : disc.exportImage();
        post({ type: 'reply', id: m.id, ok: true, value: image });
        return;
      }
      case 'newDisc':
        if (burning) throw kilnError('E_IMAPI_DF2TAO_WRITE_IN_PROGRESS', 'cannot change the disc during a burn');
        disc = new VirtualDisc(m.media);
        { const core = await corePromise; if (core) await dropCoreDrive(core); }
        post({ type: 'reply', id: m.id, ok: true, value: null });
        return;
      case 'info':
        post({ type: 'reply', id: m.id, ok: true, value: { engine: (await corePromise) ? 'wasm' : 'preview', discStorage: await discStorage() } });
        return;
    }
  } catch (err) {
    const k = toKilnError(err);
    post({ type: 'reply', id: m.id, ok: false, error: k });
  }
};
