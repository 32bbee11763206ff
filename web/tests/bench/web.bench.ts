/**
 * scripts/bench-web: x-speed of the in-browser pipeline (decode → resample → Kiln core → virtual drive,
 * unthrottled) for Debian's Drascula album in headless Chromium, and memory, sampled every 200 ms during the
 * burn (starting from a garbage-collected heap): the page's JS heap (CDP Performance.getMetrics), the burn worker's JS heap (CDP Runtime.getHeapUsage in the
 * worker target, reached through Target.sendMessageToTarget), and the core's WebAssembly memory (the virtual disc
 * itself lives in OPFS files, outside both). Also each heap after a forced GC once the burn is done (what is
 * retained, without garbage waiting for collection). Run for the first half of the album and for all of it, to
 * see whether memory grows with album length. Writes test-artifacts/bench-web.json.
 */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { ARTIFACTS, DRASCULA } from '../fixtures';
import { buildPage, launch, startServer } from '../e2e/harness';

const album = readdirSync(DRASCULA).filter((f) => f.endsWith('.ogg'))
  .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])).map((f) => join(DRASCULA, f));
/** Sends CDP commands to the page's dedicated worker (Playwright opens CDP sessions on pages and frames only):
 *  auto-attach without flattening, then wrap each command in Target.sendMessageToTarget. */
async function workerCdp(cdp: CDPSession): Promise<(method: string, params?: object) => Promise<any>> {
  let session: string | null = null;
  let nextId = 1;
  const pending = new Map<number, (r: any) => void>();
  cdp.on('Target.attachedToTarget', (e) => { if (e.targetInfo.type === 'worker') session ??= e.sessionId; });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    if (m.id && pending.has(m.id)) { pending.get(m.id)!(m.error ? null : m.result); pending.delete(m.id); }
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  for (let i = 0; i < 100 && !session; i++) await new Promise((r) => setTimeout(r, 50));
  if (!session) throw new Error('bench-web: the burn worker never appeared as a CDP target');
  return (method, params = {}) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    void cdp.send('Target.sendMessageToTarget', { sessionId: session!, message: JSON.stringify({ id, method, params }) });
  });
}

const mib = (bytes: number) => +(bytes / 2 ** 20).toFixed(1);
const seconds = (files: string[]) => files.reduce((s, f) => s + Number(execFileSync('soxi', ['-D', f], { encoding: 'utf8' })), 0);

it('bench-web', async () => {
  buildPage();
  const { url, server } = await startServer();
  const browser = await launch();
  const results: Record<string, unknown>[] = [];
  try {
    for (const files of [album.slice(0, Math.ceil(album.length / 2)), album]) {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url);
      await page.getByTestId('file-input').setInputFiles(files);
      const tProbe = Date.now();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid=track-row] .dur').length === n, files.length, { timeout: 600_000 });
      const probeMs = Date.now() - tProbe;
      const worker = page.workers()[0];
      const inWorker = await workerCdp(cdp);
      const pageHeap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
      const workerHeap = async () => ((await inWorker('Runtime.getHeapUsage')) as { usedSize: number } | null)?.usedSize ?? 0;
      // Start from a collected heap: garbage left by the probe pass (which grows with the track count) is not the
      // burn's memory.
      await cdp.send('HeapProfiler.collectGarbage');
      await inWorker('HeapProfiler.collectGarbage');
      const startPage = await pageHeap(), startWorker = await workerHeap();
      let peakPage = 0, peakWorker = 0, peakWasm = 0, running = true, storage = '';
      const sampler = (async () => {
        while (running) {
          peakPage = Math.max(peakPage, await pageHeap());
          peakWorker = Math.max(peakWorker, await workerHeap());
          const s = await worker.evaluate(() => (self as any).__kilnStats()).catch(() => null);
          if (s) { peakWasm = Math.max(peakWasm, s.wasmBytes ?? 0); storage = s.discStorage; }
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Burn', exact: true }).click();
      await page.getByTestId('result-summary').waitFor({ timeout: 900_000 });
      const burnMs = Date.now() - t0;
      running = false;
      await sampler;
      await cdp.send('HeapProfiler.collectGarbage');
      await inWorker('HeapProfiler.collectGarbage');
      const retainedPage = await pageHeap(), retainedWorker = await workerHeap();
      const audio = seconds(files);
      const r = {
        tracks: files.length, audioSeconds: Math.round(audio), burnSeconds: burnMs / 1000, xSpeed: +(audio / (burnMs / 1000)).toFixed(1),
        probeSeconds: probeMs / 1000, discStorage: storage,
        beforeBurnPageHeapMiB: mib(startPage), beforeBurnWorkerHeapMiB: mib(startWorker),
        peakPageHeapMiB: mib(peakPage), peakWorkerHeapMiB: mib(peakWorker), peakWasmMemoryMiB: mib(peakWasm),
        afterGcPageHeapMiB: mib(retainedPage), afterGcWorkerHeapMiB: mib(retainedWorker), discMiB: mib(audio * 176400),
        summary: await page.getByTestId('result-summary').innerText(),
      };
      console.log(JSON.stringify(r));
      results.push(r);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, 'bench-web.json'), JSON.stringify(results, null, 2));
}, 1_800_000);
