/**
 * USB transfers for the core in the worker, performed on the page's USBDevice. The device is chosen and claimed
 * on the page (requestDevice needs a user gesture there), so the worker's WebUsbPipe (wasm/webusb_pipe.h) reaches
 * it through a MessagePort: one request → one USBDevice call → one reply. Failures become statuses ('stall',
 * 'disconnected', 'error'), never exceptions, as BulkPipe expects.
 */
import type { KilnUsbBridge } from '../../../wasm/kiln_wasm';
import type { ClaimedDrive } from './webusb';

type Setup = { requestType: string; recipient: string; request: number; value: number; index: number };
export type UsbRequest =
  | { id: number; op: 'out'; ep: number; data: Uint8Array }
  | { id: number; op: 'in'; ep: number; length: number }
  | { id: number; op: 'controlOut'; setup: Setup; data: Uint8Array }
  | { id: number; op: 'controlIn'; setup: Setup; length: number }
  | { id: number; op: 'clearHalt'; direction: 'in' | 'out'; ep: number };
export interface UsbReply { id: number; status: string; bytesWritten?: number; data?: Uint8Array }

/** The USBDevice methods used (a subset of WebUSB's USBDevice). */
interface UsbTransferDevice {
  transferOut(ep: number, data: BufferSource): Promise<{ status: string; bytesWritten: number }>;
  transferIn(ep: number, length: number): Promise<{ status: string; data?: DataView }>;
  controlTransferOut(setup: Setup, data?: BufferSource): Promise<{ status: string; bytesWritten: number }>;
  controlTransferIn(setup: Setup, length: number): Promise<{ status: string; data?: DataView }>;
  clearHalt(direction: 'in' | 'out', ep: number): Promise<void>;
}

const copy = (v?: DataView) => (v ? new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength)) : new Uint8Array(0));
const failure = (e: unknown) => ((e as { name?: string })?.name === 'NotFoundError' ? 'disconnected' : 'error');

/** Page side: answers the worker's requests on `port` with `drive.device`. Returns a function that stops it. */
export function serveUsb(port: MessagePort, drive: ClaimedDrive): () => void {
  const dev = drive.device as unknown as UsbTransferDevice;
  port.onmessage = async (e: MessageEvent<UsbRequest>) => {
    const r = e.data;
    let reply: UsbReply;
    try {
      switch (r.op) {
        case 'out': { const x = await dev.transferOut(r.ep, r.data as BufferSource); reply = { id: r.id, status: x.status, bytesWritten: x.bytesWritten }; break; }
        case 'in': { const x = await dev.transferIn(r.ep, r.length); reply = { id: r.id, status: x.status, data: copy(x.data) }; break; }
        case 'controlOut': { const x = await dev.controlTransferOut(r.setup, r.data as BufferSource); reply = { id: r.id, status: x.status, bytesWritten: x.bytesWritten }; break; }
        case 'controlIn': { const x = await dev.controlTransferIn(r.setup, r.length); reply = { id: r.id, status: x.status, data: copy(x.data) }; break; }
        case 'clearHalt': await dev.clearHalt(r.direction, r.ep); reply = { id: r.id, status: 'ok' }; break;
      }
    } catch (err) {
      reply = { id: r.id, status: failure(err) };
    }
    port.postMessage(reply, reply.data ? [reply.data.buffer] : []);
  };
  return () => { port.onmessage = null; port.close(); };
}

/** Worker side: the Module.kilnUsb object WebUsbPipe calls. Timeouts are reported as 'timeout' (the transfer
 *  itself cannot be aborted in WebUSB). */
export function usbBridge(port: MessagePort, ids: { interfaceNumber: number; bulkIn: number; bulkOut: number }): KilnUsbBridge {
  let next = 1;
  const pending = new Map<number, (r: UsbReply) => void>();
  port.onmessage = (e: MessageEvent<UsbReply>) => { pending.get(e.data.id)?.(e.data); pending.delete(e.data.id); };
  const ask = (req: UsbRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never, timeoutMs: number, transfer: Transferable[] = []): Promise<UsbReply> => {
    const id = next++;
    return new Promise((resolve) => {
      const timer = timeoutMs > 0 ? setTimeout(() => { pending.delete(id); resolve({ id, status: 'timeout' }); }, timeoutMs) : undefined;
      pending.set(id, (r) => { clearTimeout(timer); resolve(r); });
      port.postMessage({ ...req, id } as UsbRequest, transfer);
    });
  };
  const view = (r: UsbReply) => ({ status: r.status, data: r.data ? new DataView(r.data.buffer, r.data.byteOffset, r.data.byteLength) : undefined });
  return {
    ...ids,
    transferOut: async (ep, data, t) => { const r = await ask({ op: 'out', ep, data }, t, [data.buffer]); return { status: r.status, bytesWritten: r.bytesWritten }; },
    transferIn: async (ep, length, t) => view(await ask({ op: 'in', ep, length }, t)),
    controlOut: async (setup, data, t) => { const r = await ask({ op: 'controlOut', setup: setup as Setup, data }, t, [data.buffer]); return { status: r.status, bytesWritten: r.bytesWritten }; },
    controlIn: async (setup, length, t) => view(await ask({ op: 'controlIn', setup: setup as Setup, length }, t)),
    clearHalt: async (direction, ep) => { await ask({ op: 'clearHalt', direction, ep }, 5000); },
  };
}
