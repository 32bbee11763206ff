/** Messages between the page and burn.worker.ts (structured-clone safe; Blobs are passed by reference). */
import type { MediaKind } from '../lib/capacity';
import type { KilnError } from '../lib/errors';
import type { BurnOptions, BurnResult, DiscImage, EngineInfo, ProbeInfo, TaoProgress, TrackSpec } from '../engine/types';

/** A USB drive claimed on the page, reached from the worker through `port` (usb/usbProxy.ts). */
export interface UsbPortInfo { port: MessagePort; interfaceNumber: number; bulkIn: number; bulkOut: number }

export type ToWorker =
  | { type: 'probe'; id: number; file: Blob; name: string }
  | { type: 'burn'; id: number; tracks: TrackSpec[]; options: BurnOptions; usb?: UsbPortInfo }
  | { type: 'cancel' }
  | { type: 'export'; id: number }
  | { type: 'newDisc'; id: number; media: MediaKind }
  | { type: 'info'; id: number };

export type FromWorker =
  | { type: 'reply'; id: number; ok: true; value: ProbeInfo | BurnResult | DiscImage | EngineInfo | null }
  | { type: 'reply'; id: number; ok: false; error: KilnError }
  | { type: 'progress'; progress: TaoProgress };
