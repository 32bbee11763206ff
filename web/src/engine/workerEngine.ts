/** BurnEngine backed by burn.worker.ts (a module worker). Every call is one request/reply pair. */
import type { MediaKind } from '../lib/capacity';
import type { FromWorker, ToWorker } from '../worker/protocol';
import type { BurnEngine, BurnOptions, BurnResult, BurnTarget, DiscImage, EngineInfo, ProbeInfo, TaoProgress, TrackSpec } from './types';
import { serveUsb } from '../usb/usbProxy';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class WorkerBurnEngine implements BurnEngine {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private onProgress: ((p: TaoProgress) => void) | null = null;

  constructor(worker?: Worker) {
    this.worker = worker ?? new Worker(new URL('../worker/burn.worker.ts', import.meta.url), { type: 'module', name: 'kiln-burn' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
  }

  private receive(m: FromWorker): void {
    if (m.type === 'progress') { this.onProgress?.(m.progress); return; }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.ok) p.resolve(m.value); else p.reject(m.error);
  }

  private call<T>(msg: DistributiveOmit<Exclude<ToWorker, { type: 'cancel' }>, 'id'>, transfer: Transferable[] = []): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...msg, id } as ToWorker, transfer);
    });
  }

  probe(file: Blob, name: string): Promise<ProbeInfo> { return this.call({ type: 'probe', file, name }); }

  async burn(tracks: TrackSpec[], options: BurnOptions, onProgress: (p: TaoProgress) => void, target?: BurnTarget): Promise<BurnResult> {
    this.onProgress = onProgress;
    let stopUsb = () => {};
    try {
      if (target?.kind === 'webusb') {
        const { port1, port2 } = new MessageChannel();
        stopUsb = serveUsb(port1, target.drive);
        const { interfaceNumber, bulkIn, bulkOut } = target.drive;
        return await this.call<BurnResult>({ type: 'burn', tracks, options, usb: { port: port2, interfaceNumber, bulkIn, bulkOut } }, [port2]);
      }
      return await this.call<BurnResult>({ type: 'burn', tracks, options });
    } finally { this.onProgress = null; stopUsb(); }
  }

  cancel(): void { this.worker.postMessage({ type: 'cancel' } satisfies ToWorker); }
  exportImage(): Promise<DiscImage | null> { return this.call({ type: 'export' }); }
  newDisc(media: MediaKind): Promise<void> { return this.call({ type: 'newDisc', media }); }
  info(): Promise<EngineInfo> { return this.call({ type: 'info' }); }
}
