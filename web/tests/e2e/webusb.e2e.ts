/**
 * The WebUSB path through Blink's real WebUSB implementation: the browser side of WebUSB is replaced by the
 * MojoJS fake from shared/webusb-lab (Chromium started with --enable-blink-features=MojoJS,MojoJSTest), which
 * presents a USB optical drive. With enforceProtectedClasses the fake refuses the claim exactly as plain
 * Chrome does, and the page must explain that instead of showing the exception.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, extractMojo, launch, SHOTS, startServer, WEBUSB_LAB } from './harness';
import { createHash } from 'node:crypto';
import { ARTIFACTS, makeFixtures, wavPcm, type Fixture } from '../fixtures';

let server: Server, url: string, browser: { context: BrowserContext; close: () => Promise<void> };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  buildPage();
  extractMojo();
  ({ server, url } = await startServer());
  browser = await launch({ mojo: true });
  await browser.context.addInitScript({ path: join(WEBUSB_LAB, 'init_mojo.js') });
});
afterAll(async () => { await browser?.close(); server?.close(); });

/** Opens the page with the fake installed and one optical drive plugged in. */
async function pageWithDrive(enforceProtectedClasses: boolean): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.evaluate(async (enforce) => {
    const w = window as unknown as { __fakeUsbReady: Promise<unknown>; __fakeUsb: { service: any; models: any } };
    await w.__fakeUsbReady;
    const { service, models } = w.__fakeUsb;
    service.enforceProtectedClasses = enforce;
    service.addDevice(models.opticalDriveDescriptor(), new models.StallingModel());
  }, enforceProtectedClasses);
  return page;
}

describe('WebUSB drive (MojoJS fake of the browser side)', () => {
  it('the fake is installed and getDevices() resolves within 2 s', async () => {
    const page = await pageWithDrive(false);
    const n = await page.evaluate(() => Promise.race([
      (navigator as any).usb.getDevices().then((d: unknown[]) => d.length),
      new Promise((_, reject) => setTimeout(() => reject(new Error('getDevices() did not settle in 2 s')), 2000)),
    ]));
    expect(n).toBe(1); // the fake lists every plugged-in device
    await page.close();
  });

  it('protected-class refusal (plain Chrome) is explained in plain words, with what works instead', async () => {
    const page = await pageWithDrive(true);
    await page.getByRole('radio', { name: 'USB drive (WebUSB)' }).check();
    await page.getByRole('button', { name: 'Choose USB drive…' }).click();
    const alert = page.getByRole('alert').filter({ has: page.getByRole('heading') });
    await alert.waitFor();
    expect(await alert.getAttribute('data-kind')).toBe('protected-class');
    const visible = await alert.innerText();
    expect(visible).toMatch(/does not let web pages use CD\/DVD drives over USB/);
    expect(visible).toMatch(/Kiln helper/);
    expect(visible).toMatch(/unrestricted USB/);
    expect(visible).toMatch(/Virtual drive/);
    expect(visible).not.toMatch(/SecurityError|claimInterface/); // the raw exception stays in the collapsed details
    await page.getByText('Technical details').click();
    expect(await alert.innerText()).toMatch(/SecurityError: .*protected class/);
    expect(await page.getByRole('button', { name: 'Burn', exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: join(SHOTS, '08-webusb-protected-class.png'), fullPage: true });
    await page.close();
  });

  it('where the browser allows the claim (installed app), the drive is connected', async () => {
    const page = await pageWithDrive(false);
    await page.getByRole('radio', { name: 'USB drive (WebUSB)' }).check();
    await page.getByRole('button', { name: 'Choose USB drive…' }).click();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Connected' }).innerText()).toBe('Connected: Kiln Test USB DVD-RW (interface 0)');
    await page.screenshot({ path: join(SHOTS, '09-webusb-connected.png'), fullPage: true });
    await page.close();
  });

  it('burns four real tracks through Blink\'s WebUSB (BOT over the fake) to Kiln\'s virtual drive as a USB device', async () => {
    const fx: Fixture[] = makeFixtures(join(ARTIFACTS, 'fixtures-e2e'), { vorbis: 29, flac: 31, mp3: 25, opus: 27 });
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e));
    await page.goto(url);
    await page.evaluate(async () => {
      const w = window as unknown as { __fakeUsbReady: Promise<unknown>; __fakeUsb: { service: any; models: any }; __usbDrive: unknown };
      await w.__fakeUsbReady;
      const { service, models } = w.__fakeUsb;
      w.__usbDrive = await models.createVirtualDriveModel('cd80');
      service.addDevice(models.opticalDriveDescriptor({ productName: 'Kiln Virtual CD-RW (USB)' }), w.__usbDrive);
    });
    await page.getByTestId('file-input').setInputFiles(fx.map((f) => f.path));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=track-row] .dur').length === 4, null, { timeout: 60_000 });
    await page.getByRole('radio', { name: 'USB drive (WebUSB)' }).check();
    await page.getByRole('button', { name: 'Choose USB drive…' }).click();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor();
    await page.getByRole('button', { name: 'Burn', exact: true }).click();
    await page.getByRole('progressbar', { name: 'Burn progress' }).waitFor();
    await page.screenshot({ path: join(SHOTS, '10-webusb-burning.png'), fullPage: true });
    const summary = page.getByTestId('result-summary');
    await summary.waitFor({ timeout: 120_000 });
    await page.screenshot({ path: join(SHOTS, '11-webusb-done.png'), fullPage: true });
    expect(await summary.innerText()).toBe('4 tracks written; the disc now holds 4 tracks; it is finalized and will play in CD players.');

    // What the drive recorded: four tracks, finalised; the FLAC track (2nd) bit-exact.
    const flacRef = wavPcm(fx[1].path.replace(/\.flac$/, '.wav'));
    const padded = Buffer.concat([flacRef, Buffer.alloc(Math.ceil(flacRef.length / 2352) * 2352 - flacRef.length)]);
    const disc = await page.evaluate(async () => {
      const d = (window as unknown as { __usbDrive: any }).__usbDrive;
      const s = d.discState();
      const t = s.tracks[1];
      const bytes: Uint8Array<ArrayBuffer> = d.readSectors(t.start, t.length);
      const hash = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
      return { finalized: s.finalized, tracks: s.tracks.map((x: any) => [x.number, x.length]), hash };
    });
    expect(disc.finalized).toBe(true);
    expect(disc.tracks.map((t: number[]) => t[0])).toEqual([1, 2, 3, 4]);
    expect(disc.tracks[1][1]).toBe(padded.length / 2352);
    expect(disc.hash).toBe(createHash('sha256').update(padded).digest('hex'));
    await page.close();
  });
});
