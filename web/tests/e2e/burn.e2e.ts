/**
 * Burn four real tracks from the page to the in-browser virtual drive in Debian's Chromium, download the
 * CUE/BIN, read it with cd-info (libcdio) and compare the audio with independent decodes.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DRASCULA, ffmpegPcm, makeFixtures, makeM4a, snrDb, wavPcm, type Fixture } from '../fixtures';
import { buildPage, launch, SHOTS, startServer } from './harness';

const OUT = join(ARTIFACTS, 'e2e-burn');
let server: Server, url: string, browser: { context: BrowserContext; close: () => Promise<void> }, fx: Fixture[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true }); mkdirSync(OUT, { recursive: true });
  buildPage();
  fx = makeFixtures(join(ARTIFACTS, 'fixtures-e2e'), { vorbis: 29, flac: 31, mp3: 25, opus: 27 });
  ({ server, url } = await startServer());
  browser = await launch({ downloads: OUT });
});
afterAll(async () => { await browser?.close(); server?.close(); });

async function openPage(): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => console.error('pageerror', e));
  await page.goto(url);
  return page;
}

async function addFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(paths);
  await expect.poll(() => page.getByTestId('track-row').count()).toBe(paths.length);
  await page.waitForFunction(() => !document.querySelector('.reading'), null, { timeout: 60_000 });
}

const rowTitles = (page: Page) => page.locator('[data-testid=track-row] .title').allInnerTexts();

/** Audio of each track from BIN + CUE INDEX 01 positions (in sectors) and the next track's INDEX 00. */
function splitBin(bin: Buffer, cue: string): Buffer[] {
  const toLba = (m: string) => { const [a, b, c] = m.split(':').map(Number); return (a * 60 + b) * 75 + c; };
  const starts = [...cue.matchAll(/INDEX 01 (\d\d:\d\d:\d\d)/g)].map((m) => toLba(m[1]));
  const ends = [...cue.matchAll(/INDEX 00 (\d\d:\d\d:\d\d)/g)].map((m) => toLba(m[1]));
  return starts.map((s, i) => bin.subarray(s * 2352, (i < ends.length ? ends[i] : bin.length / 2352) * 2352));
}

describe('burn to the virtual drive', () => {
  it('burns four real tracks (Vorbis, FLAC, MP3, 48 kHz Opus), reordered by drag, and the CUE/BIN checks out', async () => {
    const page = await openPage();
    await page.screenshot({ path: join(SHOTS, '01-empty.png') });
    // The burn must go through the real core, not the preview stand-in.
    await expect.poll(() => page.getByTestId('engine').innerText()).toMatch(/Kiln core \(C\+\+ compiled to WebAssembly\)/);
    // …with the disc in OPFS files (outside the WASM heap), so the CUE/BIN below comes from OPFS.
    await expect.poll(() => page.getByTestId('engine').innerText()).toMatch(/private file storage \(OPFS\)/);
    await addFiles(page, fx.map((f) => f.path));
    expect(await rowTitles(page)).toEqual(['track29', 'track31', 'track25', 'track27']);

    // Reorder with a real mouse drag: the Opus track (last) to the top.
    const handles = page.getByRole('button', { name: /^Move / });
    const from = (await handles.nth(3).boundingBox())!, to = (await handles.nth(0).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(from.x + from.width / 2, from.y + (to.y - from.y - 10) * (i / 10));
    await page.mouse.up();
    await expect.poll(() => rowTitles(page)).toEqual(['track27', 'track29', 'track31', 'track25']);
    await page.screenshot({ path: join(SHOTS, '02-album.png'), fullPage: true });

    await page.getByRole('combobox', { name: 'Write speed' }).selectOption('48');
    await page.getByRole('button', { name: 'Burn', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Burn progress' });
    await bar.waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[aria-label="Burn progress"]')?.getAttribute('aria-valuenow')) >= 20);
    await page.screenshot({ path: join(SHOTS, '03-burning.png'), fullPage: true });

    const summary = page.getByTestId('result-summary');
    await summary.waitFor({ timeout: 120_000 });
    await page.screenshot({ path: join(SHOTS, '04-done.png'), fullPage: true });
    expect(await summary.innerText()).toBe('4 tracks written; the disc now holds 4 tracks; it is finalized and will play in CD players.');
    expect(await page.getByRole('table', { name: 'Table of contents' }).locator('tbody tr').count()).toBe(4);

    const save = async (name: string) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
      const p = join(OUT, dl.suggestedFilename());
      await dl.saveAs(p);
      return p;
    };
    const cuePath = await save('Download CUE'), binPath = await save('Download BIN');
    const cue = readFileSync(cuePath, 'utf8'), bin = readFileSync(binPath);

    // An independent reader: libcdio's cd-info parses the CUE and the BIN.
    const info = execFileSync('cd-info', ['--no-device-info', '--no-cddb', '--cue-file', cuePath], { encoding: 'utf8' });
    const audioTracks = [...info.matchAll(/^\s*(\d+): \d\d:\d\d:\d\d\s+\d+\s+audio/gm)].map((m) => Number(m[1]));
    expect(audioTracks).toEqual([1, 2, 3, 4]);

    // PCM: FLAC bit-exact against its source WAV; Vorbis/MP3/Opus exact length and high SNR against ffmpeg.
    const parts = splitBin(bin, cue);
    const byKind = Object.fromEntries(fx.map((f) => [f.kind, f]));
    const order = [byKind.opus, byKind.vorbis, byKind.flac, byKind.mp3];
    const minSnr = { vorbis: 60, mp3: 40, opus: 30, flac: Infinity, wav: Infinity, aac: 30 } as const;
    parts.forEach((part, i) => {
      const f = order[i];
      const ref = f.kind === 'flac' ? wavPcm(f.path.replace(/\.flac$/, '.wav')) : ffmpegPcm(f.path);
      expect(part.length, f.name).toBe(Math.ceil(ref.length / 2352) * 2352);
      const audio = part.subarray(0, ref.length);
      expect(part.subarray(ref.length).every((b) => b === 0), `${f.name} padding is silence`).toBe(true);
      if (f.kind === 'flac') expect(Buffer.compare(audio, ref), f.name).toBe(0);
      else expect(snrDb(ref, audio), f.name).toBeGreaterThan(minSnr[f.kind]);
    });
    await page.close();
  });

  it('cancel mid-track: the disc holds the shorter track, finalised, and the result says so', async () => {
    const page = await openPage();
    const vorbis = fx.find((f) => f.kind === 'vorbis')!, flac = fx.find((f) => f.kind === 'flac')!;
    await addFiles(page, [vorbis.path, flac.path]);
    await page.getByRole('combobox', { name: 'Write speed' }).selectOption('4');
    await page.getByRole('button', { name: 'Burn', exact: true }).click();
    await page.getByText('Writing track 2 of 2').waitFor();
    await page.waitForFunction(() => Number(document.querySelector('[aria-label="Burn progress"]')?.getAttribute('aria-valuenow')) >= 60);
    await page.screenshot({ path: join(SHOTS, '05-before-cancel.png'), fullPage: true });
    // Closing the tab mid-burn asks first (beforeunload); dismissing keeps the page and the burn going.
    const dialog = new Promise<string>((resolve) => page.once('dialog', (d) => { resolve(d.type()); void d.dismiss(); }));
    await page.close({ runBeforeUnload: true });
    expect(await dialog).toBe('beforeunload');
    expect(page.isClosed()).toBe(false);
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.click();
    const summary = page.getByTestId('result-summary');
    await summary.waitFor();
    await page.screenshot({ path: join(SHOTS, '06-cancelled.png'), fullPage: true });
    expect(await page.getByRole('heading', { name: 'Burn cancelled' }).count()).toBe(1);
    const text = await summary.innerText();
    expect(text).toMatch(/^2 tracks written; track 2 is shortened to 0:\d\d of 0:41; the disc now holds 2 tracks; it is finalized/);
    const rows = page.getByRole('table', { name: 'Table of contents' }).locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const secs = (await rows.nth(1).locator('td').nth(3).innerText()).split(':').map(Number);
    expect(secs[0] * 60 + secs[1]).toBeLessThan(41);
    expect(secs[0] * 60 + secs[1]).toBeGreaterThanOrEqual(4);
    await page.close();
  });

  it('an album that does not fit is refused before anything is written', async () => {
    const page = await openPage();
    // 25 copies of the 3:18 drascula track2 = 82:30 + gaps: over 80 minutes.
    const long = join(DRASCULA, 'track2.ogg');
    await addFiles(page, Array.from({ length: 25 }, () => long));
    const alert = page.getByRole('alert').filter({ hasText: 'The album does not fit' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/too long for 80 min CD-R\. Nothing will be written/);
    expect(await page.getByRole('button', { name: 'Burn', exact: true }).isDisabled()).toBe(true);
    expect(await page.locator('#burn-blocker').innerText()).toMatch(/does not fit/);
    await page.screenshot({ path: join(SHOTS, '07-does-not-fit.png'), fullPage: true });
    // Removing tracks until it fits enables Burn.
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Remove track2' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Burn', exact: true }).isDisabled()).toBe(false);
    expect(await alert.count()).toBe(0);
    await page.close();
  });

  it('AAC in M4A decodes through WebCodecs: exact length and high SNR against ffmpeg', async () => {
    const m4a = makeM4a(join(ARTIFACTS, 'fixtures-e2e'), 28);
    const page = await openPage();
    await addFiles(page, [m4a.path]);
    expect(await page.locator('[data-testid=track-row] .fmt').innerText()).toBe('AAC');
    await page.getByRole('button', { name: 'Burn', exact: true }).click();
    const summary = page.getByTestId('result-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/^1 track written/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download BIN' }).click()]);
    const bin = readFileSync((await dl.path())!);
    // ffmpeg's decode keeps the encoder's end padding; the container's duration (samples at 44.1 kHz) is the
    // track's true length, and Kiln trims to it.
    const frames = Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=duration_ts',
      '-of', 'default=nw=1:nk=1', m4a.path], { encoding: 'utf8' }).trim());
    expect(frames).toBe(Math.round(7.44 * 44100));
    const ref = ffmpegPcm(m4a.path).subarray(0, frames * 4);
    const sectors = Math.max(300, Math.ceil(ref.length / 2352));
    expect(bin.length).toBe(sectors * 2352);
    expect(snrDb(ref, bin.subarray(0, ref.length))).toBeGreaterThan(30);
    await page.close();
  });

  it('is keyboard usable (Space/arrows/Space reorders, Enter on Remove removes) and every control has an accessible name', async () => {
    const page = await openPage();
    await addFiles(page, fx.slice(0, 3).map((f) => f.path));
    expect(await rowTitles(page)).toEqual(['track29', 'track31', 'track25']);
    const handle = page.getByRole('button', { name: 'Move track29', exact: true });
    await handle.focus();
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.keyboard.press('Space');
    await expect.poll(() => handle.getAttribute('aria-pressed')).toBe('true'); // picked up
    for (let i = 0; i < 2; i++) { await page.keyboard.press('ArrowDown'); await frames(); }
    await page.keyboard.press('Space');
    await expect.poll(() => rowTitles(page)).toEqual(['track31', 'track25', 'track29']);
    await page.getByRole('button', { name: 'Remove track25' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rowTitles(page)).toEqual(['track31', 'track29']);
    // Every interactive element has an accessible name.
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('button, input, select, a[href]')]
      .filter((el) => !(el as HTMLElement).hidden && !(el.getAttribute('aria-label') || (el as HTMLElement).innerText?.trim()
        || (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.closest('label')))
      .map((el) => el.outerHTML.slice(0, 80)));
    expect(unnamed).toEqual([]);
    await page.close();
  });
});
