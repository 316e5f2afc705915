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

  // Keyboard: the list of files is one Tab stop; arrows move between files and objects, → reaches a file's
  // Close button (focus visible), Delete on a file closes it.
  await page.getByRole('button', { name: 'Open files…' }).focus();
  const stops: string[] = [];
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const inList = el?.closest('[data-testid="object-list"]') ? 'LIST ' : '';
      return `${inList}${el?.tagName}:${el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 30) ?? ''}`;
    });
    if (stop.includes('Open files')) break;
    stops.push(stop);
  }
  expect(stops.filter((s) => s.startsWith('LIST ')).length, `Tab stops: ${stops.join(' | ')}`).toBe(1);

  const header = page.locator('[data-file-header]').filter({ hasText: 'random.bin' });
  await header.focus();
  await page.keyboard.press('ArrowRight');
  const close = page.getByRole('button', { name: 'Close random.bin' });
  await expect(close).toBeFocused();
  const outline = await close.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('ArrowLeft');
  await expect(header).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-file-header]').filter({ hasText: 'empty.cer' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Delete');
  await expect(page.getByRole('region', { name: 'random.bin' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'empty.cer' })).toBeVisible();
});

test('hostile files among good ones: each gets its own error, the good ones open and stay usable', async ({ app: page }, testInfo) => {
  // 20,000 nested SEQUENCEs as a "certificate"; a DER header claiming 2 GB; 3,000 empty PEM blocks.
  let deep = Buffer.from([0x05, 0x00]);
  for (let i = 0; i < 20_000; i++) {
    const n = deep.length;
    const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
    deep = Buffer.concat([Buffer.from([0x30, ...len]), deep]);
  }
  const files = {
    deep: testInfo.outputPath('deep.pem'),
    inflated: testInfo.outputPath('inflated.der'),
    blocks: testInfo.outputPath('many-blocks.pem'),
  };
  writeFileSync(files.deep, `-----BEGIN CERTIFICATE-----\n${deep.toString('base64').match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`);
  writeFileSync(files.inflated, Buffer.concat([Buffer.from([0x30, 0x84, 0x7f, 0xff, 0xff, 0xff]), Buffer.alloc(64, 0x02)]));
  writeFileSync(files.blocks, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'.repeat(3000));

  await page.getByTestId('file-input').setInputFiles([fixture('server.pem'), files.deep, files.inflated, files.blocks, fixture('bundle.pem'), fixture('random.bin')]);
  await expect(page.getByTestId('header-status')).toHaveText('6 files open · drop more anywhere');
  // 3,000 damaged blocks make a long list: show certificates only, so every file fits on screen.
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: /^Certificate \(/ }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  // The good files open with their objects, whatever came between them.
  await expect(page.getByRole('region', { name: 'bundle.pem' }).locator('[data-kind="certificate"]')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'server.pem' }).locator('[data-kind="certificate"]')).toHaveCount(1);

  // Each hostile file says what is wrong, in words, without a stack trace.
  await expect(page.getByRole('region', { name: 'inflated.der' }).getByRole('alert')).toContainText(/not recognise|damaged|truncated|longer|length/i);
  // deep.pem and many-blocks.pem open as files whose blocks are damaged (hidden by the filter, counted).
  await expect(page.getByRole('region', { name: 'deep.pem' })).toContainText(/0 of 1 shown|Nothing in this file matches|role="alert"/);
  await expect(page.getByRole('region', { name: 'many-blocks.pem' })).toContainText('0 of 3,000 shown');
  await expect(page.getByRole('region', { name: 'random.bin' }).getByRole('alert')).toContainText('does not recognise');
  for (const name of ['deep.pem', 'inflated.der', 'many-blocks.pem', 'random.bin']) {
    await expect(page.getByRole('region', { name })).not.toContainText(/at \w+ \(|\.ts:\d+|Error:|undefined|RangeError/);
  }
  await snap(page, 'errors-hostile');
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: /^Not supported \(/ }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(page.getByRole('region', { name: 'deep.pem' }).locator('[data-kind="unsupported"]')).toContainText('Damaged');
  await expect(page.getByRole('region', { name: 'many-blocks.pem' }).locator('[data-kind="unsupported"]').first()).toContainText('Damaged');
  for (const name of ['deep.pem', 'many-blocks.pem']) {
    await expect(page.getByRole('region', { name })).not.toContainText(/at \w+ \(|\.ts:\d+|Error:|undefined|RangeError/);
  }

  // The good ones stay usable: select the leaf, see its details.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('searchbox', { name: 'Search open files' }).or(page.getByLabel('Search open files')).fill('shop.example.test');
  await page.getByRole('region', { name: 'bundle.pem' }).locator('[data-kind="certificate"]').first().click();
  await expect(page.getByRole('region', { name: 'Details' }).getByRole('heading', { level: 2 })).toHaveText('shop.example.test');
  await expect(page.getByTestId('verdict')).toHaveText(/Valid\. Expires \d{1,2} \w{3} \d{4}, in \d+ days/);
});
