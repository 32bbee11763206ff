/**
 * scripts/bench-web: x-speed of the in-browser pipeline (decode → resample → Kiln core → virtual drive,
 * unthrottled) for Debian's Drascula album in headless Chromium, and memory: JS heap of page and worker sampled
 * every 200 ms (CDP / performance.memory), and the core's WebAssembly memory (which also holds the virtual disc,
 * 2352 bytes per sector by design). Run for the first half of the album and for all of it, to see whether
 * memory grows with album length. Writes test-artifacts/bench-web.json.
 */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { it } from 'vitest';
import { ARTIFACTS, DRASCULA } from '../fixtures';
import { buildPage, launch, startServer } from '../e2e/harness';

const album = readdirSync(DRASCULA).filter((f) => f.endsWith('.ogg'))
  .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0])).map((f) => join(DRASCULA, f));
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
      let peakPage = 0, peakWorker = 0, peakWasm = 0, running = true;
      const sampler = (async () => {
        while (running) {
          const m = await cdp.send('Performance.getMetrics');
          peakPage = Math.max(peakPage, m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0);
          const s = await worker.evaluate(() => (self as any).__kilnStats()).catch(() => null);
          if (s) { peakWorker = Math.max(peakWorker, s.jsHeapBytes ?? 0); peakWasm = Math.max(peakWasm, s.wasmBytes ?? 0); }
          await new Promise((r) => setTimeout(r, 200));
        }
      })();
      const t0 = Date.now();
      await page.getByRole('button', { name: 'Burn', exact: true }).click();
      await page.getByTestId('result-summary').waitFor({ timeout: 900_000 });
      const burnMs = Date.now() - t0;
      running = false;
      await sampler;
      const audio = seconds(files);
      const r = {
        tracks: files.length, audioSeconds: Math.round(audio), burnSeconds: burnMs / 1000, xSpeed: +(audio / (burnMs / 1000)).toFixed(1),
        probeSeconds: probeMs / 1000, peakPageHeapMiB: +(peakPage / 2 ** 20).toFixed(1), peakWorkerHeapMiB: +(peakWorker / 2 ** 20).toFixed(1),
        peakWasmMemoryMiB: +(peakWasm / 2 ** 20).toFixed(1), discMiB: +((audio * 176400) / 2 ** 20).toFixed(1),
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
