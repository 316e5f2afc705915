/** (d) Files that are not what they seem get help (what happened, what to do), never a stack trace. */
import { writeFileSync } from 'node:fs';
import { test, expect, fixture, snap } from './harness';

test('random bytes: an error that explains and hints; everything stays usable', async ({ app: page }, testInfo) => {
  const empty = testInfo.outputPath('empty.cer');
  writeFileSync(empty, '');
  const truncated = testInfo.outputPath('truncated.pem');
  writeFileSync(truncated, '-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIUY2U3KC7NJSIuxvKFscpFSacddcEwDQYJKoZIhvcNAQEL\n-----END CERTIFICATE-----\n');

  await page.getByTestId('file-input').setInputFiles([fixture('random.bin'), empty, truncated]);
  const doc = page.getByRole('region', { name: 'random.bin' });
  const alert = doc.getByRole('alert');
  await expect(alert).toContainText('does not recognise');
  await expect(alert).toContainText('Certbench opens PEM, DER');
  const emptyAlert = page.getByRole('region', { name: 'empty.cer' }).getByRole('alert');
  await expect(emptyAlert).toContainText(/empty/i);
  // A PEM block whose DER is cut short: the file opens, the block is reported as damaged, with why.
  const damaged = page.getByRole('region', { name: 'truncated.pem' }).locator('[data-kind="unsupported"]');
  await expect(damaged).toContainText('Damaged');
  await damaged.click();
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(/cut short|damaged|truncated/i);
  for (const region of ['random.bin', 'empty.cer', 'truncated.pem', 'Details']) {
    await expect(page.getByRole('region', { name: region })).not.toContainText(/at \w+ \(|\.ts:\d+|Error:|undefined/);
  }
  await snap(page, 'errors');

  // Keyboard: everything is reachable by Tab and the focus is visible.
  await page.keyboard.press('Tab');
  const seen = new Set<string>();
  for (let i = 0; i < 14; i++) {
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}` : '';
    });
    seen.add(label);
    await page.keyboard.press('Tab');
  }
  expect([...seen].some((s) => s.includes('Open files'))).toBe(true);
  expect([...seen].some((s) => s.includes('Close random.bin'))).toBe(true);
  await page.getByRole('button', { name: 'Close random.bin' }).focus();
  const outline = await page.getByRole('button', { name: 'Close random.bin' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
