/**
 * The WASM core (wasm/, built by scripts/web-wasm-build into ./gen/) behind one queue: every call into the
 * module runs only after the previous one settled, because entering the module while an Asyncify call is
 * suspended corrupts its memory (TOOLCHAIN.md). Results come back as { ok, value | error } and are unwrapped
 * here: an error is thrown as the KilnError the core produced (IMAPI name + HRESULT + message).
 */
import type { KilnError } from '../lib/errors';
import type { KilnBurner, KilnModule, MaybeAsync, Result } from '../../../wasm/kiln_wasm';

/** Runs async tasks strictly one after another. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => T | Promise<T>): Promise<T> {
    const next = this.tail.then(task, task);
    this.tail = next.catch(() => undefined);
    return next;
  }
}

export class KilnCore {
  readonly module: KilnModule;
  private readonly queue = new SerialQueue();
  private nextSource = 1;

  constructor(module: KilnModule) {
    this.module = module;
    module.kilnSources ??= new Map();
    module.kilnCancelRequested = false;
  }

  /** Queued call; resolves with the value or throws the KilnError. */
  call<T>(fn: (m: KilnModule) => MaybeAsync<Result<T>>): Promise<T> {
    return this.queue.run(async () => {
      const r = await fn(this.module);
      if (!r.ok) throw r.error satisfies KilnError;
      return r.value;
    });
  }

  newBurner(): Promise<KilnBurner> { return this.queue.run(() => new this.module.KilnBurner()); }

  /** Registers an audio source for addAudioTrack; returns its id and a function that removes it. */
  addSource(read: (maxBytes: number) => Promise<Uint8Array>): { id: number; remove: () => void } {
    const id = this.nextSource++;
    this.module.kilnSources.set(id, { read });
    return { id, remove: () => this.module.kilnSources.delete(id) };
  }

  /** CancelAddTrack without entering the module: the core polls this flag while writing. */
  requestCancel(): void { this.module.kilnCancelRequested = true; }
  clearCancel(): void { this.module.kilnCancelRequested = false; }
}

type Factory = (o: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: (p: string) => string }) => Promise<KilnModule>;

/** Loads the artifact if this build has it (scripts/web-wasm-build ran); null otherwise. */
export async function loadKilnCore(options: { wasmBinary?: ArrayBuffer | Uint8Array } = {}): Promise<KilnCore | null> {
  const mods = import.meta.glob<Factory>('./gen/kiln.mjs', { import: 'default' });
  const urls = import.meta.glob<string>('./gen/kiln.wasm', { query: '?url', import: 'default' });
  const loadFactory = mods['./gen/kiln.mjs'];
  if (!loadFactory) return null;
  const factory = await loadFactory();
  const wasmUrl = options.wasmBinary ? undefined : await urls['./gen/kiln.wasm']?.();
  const module = await factory({ wasmBinary: options.wasmBinary, locateFile: (p) => (p.endsWith('.wasm') && wasmUrl ? wasmUrl : p) });
  return new KilnCore(module);
}
