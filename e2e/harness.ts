/**
 * Playwright fixtures: a fresh browser host (real workbench, real engine) per test, the page opened on its
 * tokenised URL, and the private-key audit over every API response and event the host sent.
 */
import { _electron, test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { join } from 'node:path';
import { startHost, type Host, type WireKind } from './host';
import { keyDetector, ROOT } from './key-material';
import { e2eTarget, electronLaunch, nodeElectronLookup } from './target';

export interface Wire {
  kind: WireKind;
  body: string;
}

/**
 * The e2e clock, in the host and in the page: a day after the committed fixtures were made, so "expires in
 * 11 days" stays true for as long as the fixtures are kept.
 */
export const E2E_NOW = new Date('2026-11-24T12:00:00Z');

interface Fixtures {
  /** A fresh folder per test: the host writes conversions and keystores here. */
  outputDir: string;
  /** A fresh data folder per test (user CSR templates), never the user's own. */
  dataDir: string;
  host: Host;
  wire: Wire[];
  app: Page;
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
  app: e2eTarget() === 'electron' ? electronApp : webApp,
});

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
 * userData), its first window as the page. There is no host to tap, so the audit reads what the renderer
 * ended up holding (the DOM) instead of the wire; main's clock is the real one (the page's is fixed).
 */
async function electronApp({ dataDir, wire }: { dataDir: string; wire: Wire[] }, use: (page: Page) => Promise<void>, testInfo: TestInfo): Promise<void> {
  const launch = electronLaunch(ROOT, dataDir, nodeElectronLookup(ROOT));
  const electron = await _electron.launch({ executablePath: launch.executablePath, args: launch.args, env: launch.env });
  try {
    const page = await electron.firstWindow();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
    await page.clock.setFixedTime(E2E_NOW);
    await expect(page.getByRole('heading', { name: 'Inspect' })).toBeVisible();
    await use(page);

    const detector = keyDetector();
    const leaks = detector.audit([...wire.map((w) => w.body), await page.content()]);
    await testInfo.attach('wire-summary.txt', { body: `Electron: the final DOM and ${wire.length} messages audited against ${detector.keyCount} fixture keys; ${leaks.length} leaks`, contentType: 'text/plain' });
    expect(leaks, 'private key material reached the renderer').toEqual([]);
    expect(page.url(), 'the window shows the app').toMatch(/^app:\/\/certbench\//);
    expect(pageErrors.filter((e) => !/favicon/.test(e)), 'renderer errors').toEqual([]);
  } finally {
    await electron.close();
  }
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
