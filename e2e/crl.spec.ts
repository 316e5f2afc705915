/** A CRL and a DER certificate from OpenSSL: kind icons, the revoked entry, extensions decoded. */
import { test, expect, sharedFixture, snap } from './harness';

test('a CRL shows its issuer, update times and the revoked certificate with its reason', async ({ app: page }) => {
  await page.getByTestId('file-input').setInputFiles([sharedFixture('x509', 'inter.crl'), sharedFixture('x509', 'leaf.der')]);
  const crlDoc = page.getByRole('region', { name: 'inter.crl' });
  await expect(crlDoc).toContainText('CRL');
  await crlDoc.locator('[data-kind="crl"]').click();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Certbench Test Intermediate EC');
  await expect(details).toContainText('keyCompromise');
  await snap(page, 'crl');

  const derDoc = page.getByRole('region', { name: 'leaf.der' });
  await expect(derDoc).toContainText('DER');
  await derDoc.locator('[data-kind="certificate"]').click();
  await expect(page.getByTestId('verdict')).toHaveText(/Valid\. Expires \d{1,2} \w{3} \d{4}, in \d+ (days|years)/);
  await details.getByRole('tab', { name: /Extensions/ }).click();
  await expect(details).toContainText('Authority Information Access');
  await expect(details).toContainText('OCSP - URI:http://127.0.0.1:8081/ocsp');
  await expect(details).toContainText('status_request (OCSP Must-Staple)');
  await snap(page, 'der-extensions');
});
