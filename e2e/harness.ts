/**
 * Playwright fixtures: per test a fresh app with the real engine (the loopback web host in Chromium, or with
 * E2E_TARGET=electron the desktop app in Electron), its window as `app`, the driver as `bench` (e2e/driver.ts:
 * main's state, where saves land, native dialogs), and the private-key audit over every API response and event
 * main sent the window.
 */
import { _electron, test as base, expect, type ElectronApplication, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { electronBench, mainWire, webBench, type Bench, type MainProcess, type Wire } from './driver';
import { startHost, type Host } from './host';
import { keyDetector, ROOT } from './key-material';
import { e2eTarget, electronLaunch, nodeElectronLookup } from './target';

export type { Bench, Wire };
export { webHostOnly } from './driver';

/**
 * The e2e clock, in the host and in the page: a day after the committed fixtures were made, so "expires in
 * 11 days" stays true for as long as the fixtures are kept.
 */
export const E2E_NOW = new Date('2026-11-24T12:00:00Z');

interface Fixtures {
  /** A fresh folder per test: conversions and keystores are written here (bench.chooseOutputFolder points a save at it). */
  outputDir: string;
  /** A fresh data folder per test (user CSR templates), never the user's own. */
  dataDir: string;
  /** The loopback web host; web target only (specs use `bench`, loopback.spec.ts tests the host itself). */
  host: Host;
  /** What the web host sent, as tapped; specs read the wire of either target with bench.wire(). */
  wire: Wire[];
  /** The desktop app; Electron target only. */
  electron: ElectronApplication;
  app: Page;
  bench: Bench;
}

export const test = base.extend<Fixtures>({
  wire: async ({}, use) => {
    await use([]);
  },
  outputDir: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('written'));
  },
  dataDir: async ({}, use, testInfo) => {
    await use(testInfo.outputPath('data'));
  },
  host: async ({ wire, outputDir, dataDir }, use) => {
    const host = await startHost({ staticDir: join(ROOT, 'dist', 'renderer'), tap: (kind, body) => wire.push({ kind, body }), now: () => E2E_NOW, outputDir, dataDir });
    await use(host);
    await host.close();
  },
  electron: async ({ dataDir }, use) => {
    const launch = electronLaunch(ROOT, dataDir, nodeElectronLookup(ROOT), E2E_NOW);
    const electron = await _electron.launch({ executablePath: launch.executablePath, args: launch.args, env: launch.env });
    try {
      await use(electron);
    } finally {
      await electron.close();
    }
  },
  app: e2eTarget() === 'electron' ? electronApp : webApp,
  bench: e2eTarget() === 'electron'
    ? async ({ electron, outputDir }, use) => {
        mkdirSync(outputDir, { recursive: true });
        await use(electronBench(inMain(electron), outputDir));
      }
    : async ({ host, outputDir, wire }, use) => {
        await use(webBench(host, outputDir, wire));
      },
});

/** Playwright's ElectronApplication as the driver's MainProcess (its evaluate is typed on the whole electron module). */
const inMain = (electron: ElectronApplication): MainProcess => ({ evaluate: (fn, arg) => electron.evaluate(fn as never, arg) });

async function webApp({ page, host, wire }: { page: Page; host: Host; wire: Wire[] }, use: (page: Page) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  // What the browser actually received, too (the host tap sees the same bytes before they are sent).
  page.on('response', async (r) => {
    if (!r.url().endsWith('/api/call')) return;
    const body = await r.text().catch(() => '');
    if (body) wire.push({ kind: 'response', body });
  });
  await page.clock.setFixedTime(E2E_NOW);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Inspect' })).toBeVisible();
  await use(page);

  // The audit: no private key material in anything main sent to the renderer, in any flow.
  const detector = keyDetector();
  const leaks = detector.audit(wire.map((w) => w.body));
  const events = wire.filter((w) => w.kind === 'event').length;
  await testInfo.attach('wire-summary.txt', { body: `${wire.length} messages (${events} events) audited against ${detector.keyCount} fixture keys; ${leaks.length} leaks`, contentType: 'text/plain' });
  expect(leaks, 'private key material reached the renderer').toEqual([]);
  expect(page.url(), 'the token is removed from the address bar').not.toContain('token=');
  expect(pageErrors.filter((e) => !/favicon/.test(e)), 'renderer errors').toEqual([]);
}

/**
 * E2E_TARGET=electron: the desktop app itself (dist/app/main.js in Electron, the test's data folder as
 * userData, main's clock and the page's pinned to E2E_NOW), its first window as the page. The audit reads the
 * wire main's e2e hooks recorded (every IPC response and event) and the window's final DOM.
 */
async function electronApp({ electron }: { electron: ElectronApplication }, use: (page: Page) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const page = await electron.firstWindow();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
  await page.clock.setFixedTime(E2E_NOW);
  await expect(page.getByRole('heading', { name: 'Inspect' })).toBeVisible();
  await use(page);

  const detector = keyDetector();
  const wire = await mainWire(inMain(electron));
  const events = wire.filter((w) => w.kind === 'event').length;
  const leaks = detector.audit([...wire.map((w) => w.body), await page.content()]);
  await testInfo.attach('wire-summary.txt', { body: `Electron: ${wire.length} messages (${events} events) and the final DOM audited against ${detector.keyCount} fixture keys; ${leaks.length} leaks`, contentType: 'text/plain' });
  expect(leaks, 'private key material reached the renderer').toEqual([]);
  expect(page.url(), 'the window shows the app').toMatch(/^app:\/\/certbench\//);
  expect(pageErrors.filter((e) => !/favicon/.test(e)), 'renderer errors').toEqual([]);
}

export { expect };

export const fixture = (name: string) => join(ROOT, 'e2e', 'fixtures', name);
export const sharedFixture = (...parts: string[]) => join(ROOT, 'test', 'fixtures', ...parts);

/** Saves what the user sees, light and dark, to e2e/screenshots/<name>-light.png and -dark.png. */
export async function snap(page: Page, name: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.waitForTimeout(150);
    await page.screenshot({ path: join(ROOT, 'e2e', 'screenshots', `${name}-${colorScheme}.png`), animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
