/** The external-link allowlist: only https links to the listed domains leave the app. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EXTERNAL_LINK_DOMAINS, externalLinkTarget } from './external-links';

test("the links the ACME page shows for Let's Encrypt open", () => {
  for (const url of [
    'https://letsencrypt.org/documents/LE-SA-v1.5-February-24-2025.pdf',
    'https://letsencrypt.org',
    'https://letsencrypt.org/docs/staging-environment/',
    'https://community.letsencrypt.org/t/some-topic/1234',
    'https://LetsEncrypt.org:443/docs/',
  ]) {
    assert.ok(externalLinkTarget(url), url);
  }
  assert.equal(externalLinkTarget('https://LetsEncrypt.org:443/docs/'), 'https://letsencrypt.org/docs/');
  assert.equal(externalLinkTarget('https://letsencrypt.org'), 'https://letsencrypt.org/');
});

test('anything else stays in: other schemes, other hosts, look-alikes, credentials, ports', () => {
  for (const url of [
    'http://letsencrypt.org/documents/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://certbench/index.html',
    'smb://letsencrypt.org/share',
    'https://example.com/',
    'https://letsencrypt.org.evil.example/',
    'https://evilletsencrypt.org/',
    'https://letsencrypt.org@evil.example/',
    'https://user:pass@letsencrypt.org/',
    'https://letsencrypt.org:8443/',
    'https://xn--letsencrypt-abc.org/',
    'https://letsencrypt.org./',
    'not a url',
    '',
    `https://letsencrypt.org/${'a'.repeat(2100)}`,
  ]) {
    assert.equal(externalLinkTarget(url), null, url);
  }
});

test('the list is short and names bare domains', () => {
  assert.ok(EXTERNAL_LINK_DOMAINS.length <= 5);
  for (const d of EXTERNAL_LINK_DOMAINS) assert.match(d, /^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
});
