/**
 * A 10,000-certificate bundle in the Inspector: it opens through the real engine, the list stays small in
 * the page (virtualized), search and filters find what they should, the keyboard moves through it, and the
 * time to render and to filter is measured in the page (performance.now) and attached to the report.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, snap, fixture, E2E_NOW } from './harness';
import { makeBigBundle, type BigBundle } from './fixtures/big-bundle';

const LEAVES = 10_000;
let bundle: BigBundle;
let path: string;

test.beforeAll(() => {
  bundle = makeBigBundle(LEAVES, E2E_NOW);
  path = join(mkdtempSync(join(tmpdir(), 'certbench-e2e-big-')), 'bulk-10000.pem');
  writeFileSync(path, bundle.pem);
});

const n = (x: number) => x.toLocaleString('en-US');
const DAY = 86_400_000;

/** Sets the search field's value as typing would, and measures until the count shows the result, painted. */
async function timedSearch(page: import('@playwright/test').Page, text: string, expected: string): Promise<number> {
  // From the whole list, so the count always changes.
  if (await page.getByRole('button', { name: 'Clear the search' }).isVisible()) await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(page.getByTestId('list-count')).toHaveText(/ objects$/);
  return page.evaluate(
    ({ text, expected }) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('input[aria-label="Search open files"]')!;
        const count = document.querySelector('[data-testid="list-count"]')!;
        setTimeout(() => reject(new Error(`the count says "${count.textContent}", not "${expected}"`)), 20_000);
        const start = performance.now();
        const done = () => requestAnimationFrame(() => resolve(performance.now() - start));
        const observer = new MutationObserver(() => {
          if (count.textContent === expected) {
            observer.disconnect();
            done();
          }
        });
        observer.observe(count, { childList: true, characterData: true, subtree: true });
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { text, expected },
  );
}

test('10,000 certificates: virtualized list, search, filters, sort, keyboard, measured', async ({ app: page }, testInfo) => {
  test.setTimeout(180_000);
  const total = LEAVES + bundle.cas;
  // The peer: OpenSSL finds the same number of certificates in the file.
  expect(execFileSync('openssl', ['storeutl', '-noout', '-certs', path], { encoding: 'utf8', maxBuffer: 64 << 20 })).toContain(`Total found: ${total}`);

  // Render: from the moment the engine's answer has arrived to the list painted.
  await page.evaluate(() => {
    const w = window as unknown as { listShown: Promise<number>; answers: { at: number; bytes: number }[] };
    // When each API answer has fully arrived (its text read; parsing it counts as rendering). The page's
    // resource timing list stays empty under the test clock, and the transport keeps its own fetch.
    w.answers = [];
    Response.prototype.json = async function json(this: Response) {
      const text = await this.text();
      w.answers.push({ at: performance.now(), bytes: text.length });
      return JSON.parse(text) as unknown;
    };
    w.listShown = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('[data-testid="list-count"]')) {
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now()));
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  });
  const openedAt = await page.evaluate(() => performance.now());
  await page.getByTestId('file-input').setInputFiles(path);
  await expect(page.getByTestId('list-count')).toHaveText(`${n(total)} objects`, { timeout: 120_000 });
  const timing = await page.evaluate(async (openedAt) => {
    const w = window as unknown as { listShown: Promise<number>; answers: { at: number; bytes: number }[] };
    const shownAt = await w.listShown;
    const answer = w.answers.filter((a) => a.at <= shownAt).sort((a, b) => b.bytes - a.bytes)[0]!;
    return { total: shownAt - openedAt, render: shownAt - answer.at, bytes: answer.bytes };
  }, openedAt);

  const doc = page.getByRole('region', { name: 'bulk-10000.pem' });
  await expect(doc).toContainText('PEM');
  // Virtualized: a few dozen rows in the page, not 10,004.
  const inPage = await page.locator('[data-object-id]').count();
  expect(inPage).toBeGreaterThan(5);
  expect(inPage).toBeLessThan(80);
  await snap(page, 'big-bundle');

  // Scrolling, one step per frame: like a mouse wheel (120 px a frame for 120 frames), then through the whole
  // list in 40 jumps (every frame shows rows never seen before). The slowest and mean frames are reported.
  const scrollFrames = (mode: 'wheel' | 'jump') =>
    page.evaluate(
      (mode) =>
        new Promise<{ maxFrame: number; meanFrame: number }>((resolve) => {
          const list = document.querySelector<HTMLElement>('[data-testid="object-list"]')!;
          const steps = mode === 'wheel' ? 120 : 40;
          const frames: number[] = [];
          let last = performance.now();
          let step = 0;
          const tick = () => {
            const now = performance.now();
            if (step > 0) frames.push(now - last);
            last = now;
            if (step++ === steps) return resolve({ maxFrame: Math.max(...frames), meanFrame: frames.reduce((a, b) => a + b, 0) / frames.length });
            if (mode === 'wheel') list.scrollTop += 120;
            else list.scrollTop = (list.scrollHeight - list.clientHeight) * (step / steps);
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      mode,
    );
  const wheel = await scrollFrames('wheel');
  const scroll = await scrollFrames('jump');
  const last = bundle.leaves.at(-1)!;
  await expect(doc.locator('[data-kind="certificate"]', { hasText: last.cn })).toBeVisible();
  expect(await page.locator('[data-object-id]').count()).toBeLessThan(80);

  // Search by name: one certificate.
  const target = bundle.leaves[4242]!;
  const searchName = await timedSearch(page, target.cn, `1 of ${n(total)} shown`);
  await expect(doc.locator('[data-object-id]')).toHaveCount(1);
  await expect(doc.locator('[data-object-id]')).toContainText(target.cn);
  // By serial, as OpenSSL prints it with colons.
  const serial = bundle.leaves[777]!;
  const searchSerial = await timedSearch(page, serial.serial.match(/../g)!.join(':'), `1 of ${n(total)} shown`);
  await expect(doc.locator('[data-object-id]')).toContainText(serial.cn);
  // By a word many share: every 17th leaf is in shard 3 (its CN, SAN and OU say so).
  const shard3 = bundle.leaves.filter((l) => l.cn.includes('.shard-3.')).length;
  const searchMany = await timedSearch(page, 'shard-3.', `${n(shard3)} of ${n(total)} shown`);
  await snap(page, 'big-bundle-search');
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(page.getByTestId('list-count')).toHaveText(`${n(total)} objects`);

  // Filters: expired, expiring within 30 days, CA.
  const now = E2E_NOW.getTime();
  const expired = bundle.leaves.filter((l) => l.notAfter.getTime() < now).length;
  const expiring = bundle.leaves.filter((l) => l.notAfter.getTime() >= now && l.notAfter.getTime() - now < 30 * DAY).length;
  const choose = async (label: string, option: string) => {
    await page.getByRole('combobox', { name: label }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
    await expect(page.getByRole('listbox')).toBeHidden();
  };
  const filterStart = await page.evaluate(() => performance.now());
  await choose('Expiry', 'Expired');
  await expect(page.getByTestId('list-count')).toHaveText(`${n(expired)} of ${n(total)} shown`);
  const filterExpired = (await page.evaluate(() => performance.now())) - filterStart;
  await expect(doc.locator('[data-kind="certificate"]').first()).toContainText(/Expired \d{1,2} \w{3} \d{4}, \d+ days? ago/);
  await choose('Expiry', 'Within 30 days');
  await expect(page.getByTestId('list-count')).toHaveText(`${n(expiring)} of ${n(total)} shown`);
  await choose('Expiry', 'Any');
  await choose('Role', 'CA');
  await expect(page.getByTestId('list-count')).toHaveText(`${n(bundle.cas)} of ${n(total)} shown`);
  await expect(doc.locator('[data-object-id]').first()).toContainText('Certbench Bulk Root');
  await choose('Role', 'Any');

  // Sort by expiry: the soonest first (the most expired leaf).
  await choose('Sort', 'Expiry');
  const soonest = [...bundle.leaves].sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime() || a.index - b.index)[0]!;
  await expect(doc.locator('[data-object-id]').first()).toContainText(soonest.cn);
  await snap(page, 'big-bundle-sorted');
  await choose('Sort', 'File');

  // Keyboard: the list is one Tab stop; arrows move and select; End reaches the last of 10,004.
  const firstRow = doc.locator('[data-object-id]').first();
  // The Sort menu hands focus back to its button when its close transition ends, which can come after a quick
  // click on the row (seen once in CI on a loaded machine): click again until the row keeps the focus.
  await expect(async () => {
    await firstRow.click();
    await expect(firstRow).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const third = doc.locator('[data-object-id]').nth(2);
  await expect(third).toBeFocused();
  await expect(third).toHaveAttribute('data-selected', 'true');
  await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText((await third.getAttribute('aria-label'))!.split(',')[0]!);
  await page.keyboard.press('End');
  const lastRow = page.locator(`[data-object-id$="/${total - 1}"]`);
  await expect(lastRow).toBeFocused();
  await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText(last.cn);
  // Tab leaves the list in one step (the rows are not each a Tab stop).
  await page.keyboard.press('Tab');
  const after = await page.evaluate(() => document.activeElement?.closest('[data-testid="object-list"]') !== null);
  expect(after).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(lastRow).toBeFocused();

  const report = [
    `10,004 certificates (${(timing.bytes / 1048576).toFixed(1)} MB of rows over the loopback API)`,
    `open to painted list: ${timing.total.toFixed(0)} ms (engine, transfer and render)`,
    `render (answer received to list painted): ${timing.render.toFixed(0)} ms`,
    `wheel-like scroll (120 px a frame, 120 frames): slowest frame ${wheel.maxFrame.toFixed(1)} ms, mean ${wheel.meanFrame.toFixed(1)} ms`,
    `through the whole list in 40 jumps: slowest frame ${scroll.maxFrame.toFixed(1)} ms, mean ${scroll.meanFrame.toFixed(1)} ms`,
    `machine load average while measuring: ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores`,
    `search by name: ${searchName.toFixed(0)} ms; by serial: ${searchSerial.toFixed(0)} ms; '${'shard-3.'}' (${shard3} hits): ${searchMany.toFixed(0)} ms`,
    `filter "Expired" via the menu (click to count shown, incl. Playwright round trips): ${filterExpired.toFixed(0)} ms`,
    `rows in the page: ${inPage}`,
  ].join('\n');
  console.log(report);
  await testInfo.attach('big-bundle-timings.txt', { body: report, contentType: 'text/plain' });
});

test('a big bundle folds away, so the key opened after it is one click from view; Show brings it back', async ({ app: page }) => {
  test.setTimeout(120_000);
  await page.getByTestId('file-input').setInputFiles([path, fixture('client.key')]);
  await expect(page.getByTestId('list-count')).toHaveText(`${n(LEAVES + bundle.cas + 1)} objects`, { timeout: 90_000 });
  const keyRow = page.locator('[data-kind="privateKey"]');
  await page.getByRole('button', { name: 'Hide the objects of bulk-10000.pem' }).click();
  await expect(keyRow).toBeVisible();
  await expect(page.locator('[data-kind="certificate"]')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Show the objects of bulk-10000.pem' })).toHaveAttribute('aria-expanded', 'false');
  await snap(page, 'big-bundle-folded');
  await page.getByRole('button', { name: 'Show the objects of bulk-10000.pem' }).click();
  await expect(page.locator('[data-kind="certificate"]').first()).toBeVisible();
});
