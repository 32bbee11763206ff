/// <reference lib="webworker" />
/**
 * The in-browser virtual drive's disc, kept outside the WebAssembly heap: two files in the Origin Private File
 * System (OPFS) — `disc.img` (main channel, 2352 bytes per sector from LBA −150) and `disc.sub` (raw P–W, 96 bytes
 * per sector) — read and written synchronously through FileSystemSyncAccessHandles from inside the core
 * (wasm/js_file_store.cpp calls Module.kilnStore, no Asyncify needed). Sync access handles exist only in dedicated
 * workers, so this runs in burn.worker.ts. The CUE/BIN download is a slice of `getFile()`: a disk-backed Blob,
 * never a copy in memory.
 *
 * Each page session (worker) gets its own directory, held by a Web Lock for the worker's lifetime; directories
 * whose lock is gone (closed tabs) are deleted when a worker starts. Where OPFS or sync access handles are missing
 * (older browsers, or node) `OpfsDisc.create()` resolves null and the worker keeps the disc in
 * WASM memory (MemoryStore) instead.
 */
import type { KilnStoreBackend } from '../../../wasm/kiln_wasm';

const ROOT_DIR = 'kiln-virtual-drive';
const LOCK_PREFIX = 'kiln-disc:';
const FILES = ['disc.img', 'disc.sub'] as const;
/** First LBA a store holds (vdrive/medium_store.h kFirstStoredLba): the BIN (from LBA 0) starts 150 sectors in. */
export const FIRST_STORED_LBA = -150;
export const SECTOR_BYTES = 2352;

/** The part of FileSystemSyncAccessHandle this store uses (also what tests fake). */
export interface SyncFile {
  read(buffer: Uint8Array, options: { at: number }): number;
  write(buffer: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

/** The part of FileSystemFileHandle this store uses. */
export interface DiscFileHandle {
  createSyncAccessHandle(): Promise<SyncFile>;
  getFile(): Promise<Blob>;
}

export function opfsSupported(): boolean {
  const g = globalThis as { navigator?: Navigator; FileSystemFileHandle?: { prototype: object } };
  return !!g.navigator?.storage?.getDirectory && !!g.FileSystemFileHandle && 'createSyncAccessHandle' in g.FileSystemFileHandle.prototype;
}

export class OpfsDisc implements KilnStoreBackend {
  private handles: SyncFile[] | null = null;

  constructor(private readonly files: readonly DiscFileHandle[], readonly name = 'disc') {}

  /** This worker's disc files in a fresh OPFS directory, after removing directories of closed pages; null where
   *  OPFS with sync access handles is unavailable or fails (the caller then keeps the disc in memory). */
  static async create(): Promise<OpfsDisc | null> {
    if (!opfsSupported()) return null;
    try {
      const base = await (await navigator.storage.getDirectory()).getDirectoryHandle(ROOT_DIR, { create: true });
      const name = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      await holdLock(LOCK_PREFIX + name);
      await removeStale(base);
      const dir = await base.getDirectoryHandle(name, { create: true });
      const files = await Promise.all(FILES.map((f) => dir.getFileHandle(f, { create: true })));
      const disc = new OpfsDisc(files as unknown as DiscFileHandle[], name);
      await disc.open();
      return disc;
    } catch (e) {
      console.warn('OPFS unavailable; the virtual disc stays in WebAssembly memory', e);
      return null;
    }
  }

  /** Opens the sync access handles (exclusive) if they are closed. */
  async open(): Promise<void> {
    if (!this.handles) this.handles = await Promise.all(this.files.map((f) => f.createSyncAccessHandle()));
  }

  /** Flushes and closes the handles (needed before getFile(); the core's next access fails until open()). */
  close(): void {
    for (const h of this.handles ?? []) { h.flush(); h.close(); }
    this.handles = null;
  }

  /** A new blank disc: both files emptied. */
  async reset(): Promise<void> {
    await this.open();
    for (const h of this.handles!) h.truncate(0);
  }

  // KilnStoreBackend: called synchronously from inside the core (wasm/js_file_store.cpp).
  read(file: number, at: number, dst: Uint8Array): number { return this.handle(file).read(dst, { at }); }
  write(file: number, at: number, src: Uint8Array): void {
    const n = this.handle(file).write(src, { at });
    if (n !== src.length) throw new Error(`short write: ${n} of ${src.length} bytes at ${at} (storage full?)`);
  }
  truncate(file: number): void { this.handle(file).truncate(0); }

  /** The BIN — `sectors` 2352-byte sectors from LBA 0 — as a disk-backed Blob (no copy in memory); never-written
   *  sectors at the end read as zeros. Closes the handles: call open() before the core writes again. */
  async bin(sectors: number): Promise<Blob> {
    this.close();
    const file = await this.files[0].getFile();
    const start = -FIRST_STORED_LBA * SECTOR_BYTES, end = start + sectors * SECTOR_BYTES;
    const part = file.slice(start, Math.min(end, file.size));
    const missing = end - Math.max(start, Math.min(end, file.size));
    return new Blob(missing > 0 ? [part, new Uint8Array(missing)] : [part], { type: 'application/octet-stream' });
  }

  private handle(file: number): SyncFile {
    const h = this.handles?.[file];
    if (!h) throw new Error(`virtual disc file ${file} is not open`);
    return h;
  }
}

/** Holds a Web Lock named `name` until the worker ends (resolves once it is held). */
function holdLock(name: string): Promise<void> {
  if (!navigator.locks) return Promise.resolve();
  return new Promise((held) => { void navigator.locks.request(name, () => { held(); return new Promise(() => {}); }); });
}

/** Deletes the disc directories of page sessions that ended (their Web Lock is no longer held). */
async function removeStale(base: FileSystemDirectoryHandle): Promise<void> {
  if (!navigator.locks) return;  // cannot tell live sessions from dead ones: leave them
  const held = new Set(((await navigator.locks.query()).held ?? []).map((l) => l.name));
  const names: string[] = [];
  for await (const key of (base as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(key);
  for (const name of names) {
    if (held.has(LOCK_PREFIX + name)) continue;
    await base.removeEntry(name, { recursive: true }).catch((e) => console.warn('could not remove old disc', name, e));
  }
}
