/**
 * End-to-end harness: serves the built page (web/dist) on 127.0.0.1 (a secure context, so WebUSB exists),
 * plus the WebUSB MojoJS fake from shared/webusb-lab and Mojo bindings extracted from the installed
 * Chromium; launches Debian's /usr/bin/chromium headless through playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ARTIFACTS } from '../fixtures';

export const WEB = resolve(import.meta.dirname, '..', '..');
export const DIST = join(WEB, 'dist');
/** shared/ sits beside the checkout (CI clones main with shared/ next to it). */
export const WEBUSB_LAB = resolve(WEB, '..', '..', 'shared', 'webusb-lab');
export const GEN = join(ARTIFACTS, 'gen');
export const SHOTS = join(ARTIFACTS, 'screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm',
  '.json': 'application/json', '.svg': 'image/svg+xml',
};

/** Builds the page once per run unless KILN_E2E_NO_BUILD is set. */
export function buildPage(): void {
  if (process.env.KILN_E2E_NO_BUILD && existsSync(join(DIST, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: WEB, stdio: 'inherit' });
}

/** Extracts Chromium's Mojo WebUI bindings (needs python3-brotli); they must match the installed browser. */
export function extractMojo(): void {
  if (existsSync(join(GEN, 'mojo', 'public', 'js', 'bindings.js'))) return;
  // Debian's python3 (with python3-brotli), not whatever python3 is first on PATH.
  execFileSync('/usr/bin/python3', [join(WEBUSB_LAB, 'extract_mojo_webui.py'), '/usr/lib/chromium/resources.pak', GEN], { stdio: 'ignore' });
}

function mapPath(url: string): string | null {
  const p = decodeURIComponent(new URL(url, 'http://x').pathname);
  const inside = (root: string, rel: string) => { const f = normalize(join(root, rel)); return f.startsWith(root) ? f : null; };
  if (p.startsWith('/gen/')) return inside(GEN, p.slice(5));
  if (p.startsWith('/fake-webusb/')) {
    const rel = p.slice(13);
    const own = inside(join(WEB, 'tests', 'e2e', 'webusb'), rel);
    if (own && existsSync(own)) return own;
    // The WASM core (scripts/web-wasm-build), for the virtual drive presented as a USB device.
    if (rel === 'kiln.mjs' || rel === 'kiln.wasm') return join(WEB, 'src', 'wasm', 'gen', rel);
    return inside(WEBUSB_LAB, rel);
  }
  return inside(DIST, p === '/' ? 'index.html' : p.slice(1));
}

export async function startServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const f = mapPath(req.url ?? '/');
    if (!f || !existsSync(f) || !statSync(f).isFile()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(f)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(f).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/`, server };
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh Chromium profile; `mojo` adds the MojoJS test hooks the WebUSB fake needs. */
export async function launch(opts: { mojo?: boolean; downloads?: string } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kiln-chromium-'));
  const args = [...CHROMIUM_ARGS];
  if (opts.mojo) args.push('--enable-blink-features=MojoJS,MojoJSTest');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args, acceptDownloads: true,
    viewport: { width: 1200, height: 900 }, downloadsPath: opts.downloads,
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}
