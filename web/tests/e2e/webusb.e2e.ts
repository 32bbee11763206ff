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
    expect(await page.getByRole('status').filter({ hasText: 'Connected' }).innerText()).toBe('Connected: Kiln Kiln Test USB DVD-RW (interface 0)');
    await page.screenshot({ path: join(SHOTS, '09-webusb-connected.png'), fullPage: true });
    await page.close();
  });
});
