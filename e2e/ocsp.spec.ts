/** An OCSP response made by `openssl ocsp`, and a crafted certificate with problems, in the Inspector. */
import { test, expect, sharedFixture, snap } from './harness';

test('an OCSP response shows each certificate\'s status, the responder and the certificates it carries', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles([sharedFixture('ocsp', 'multi.der')]);
  const doc = page.getByRole('region', { name: 'multi.der' });
  await expect(doc).toContainText('OCSP response');
  await expect(doc.locator('[data-kind="certificate"]')).toHaveCount(2);
  await doc.locator('[data-kind="ocspResponse"]').click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(page.getByTestId('verdict')).toHaveText(/Revoked on .*\(keyCompromise\)/);
  await expect(details).toContainText('CN=Certbench OCSP Responder,O=Certbench Test');
  await expect(details).toContainText('Good (not revoked)');
  await expect(details).toContainText('Unknown to the responder');
  await expect(details).toContainText('10:02');
  await snap(page, 'ocsp-response');
});

test('a single good OCSP response reads green', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles([sharedFixture('ocsp', 'good.der')]);
  await page.getByRole('region', { name: 'good.der' }).locator('[data-kind="ocspResponse"]').click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Good: not revoked/);
  await expect(page.getByTestId('verdict')).toHaveAttribute('data-tone', 'success');
});

test('a crafted certificate lists its problems by severity; a clean one lists none', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles([sharedFixture('exact', 'sigalg-mismatch.der'), sharedFixture('exact', 'san-ip5.pem'), sharedFixture('x509', 'leaf.pem')]);
  await page.getByRole('region', { name: 'san-ip5.pem' }).locator('[data-kind="certificate"]').click();
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('BAD_IP_LENGTH');
  await expect(problems).toContainText('5 bytes long');
  await expect(problems.locator('li[data-severity="error"]')).toHaveCount(1);
  await snap(page, 'problems');

  await page.getByRole('region', { name: 'sigalg-mismatch.der' }).locator('[data-kind="certificate"]').click();
  await expect(problems).toContainText('SIGNATURE_ALGORITHM_MISMATCH');
  await expect(problems).toContainText('sha512WithRSAEncryption');

  await page.getByRole('region', { name: 'leaf.pem' }).locator('[data-kind="certificate"]').first().click();
  await expect(page.getByTestId('verdict')).toHaveText(/^Valid\. Expires /);
  await expect(page.getByRole('list', { name: 'Problems' })).toHaveCount(0);
});
