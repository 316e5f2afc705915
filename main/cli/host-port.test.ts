/** host:port arguments of `certbench chain`, IPv6 in brackets included. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PkiError } from '../pki/errors';
import { parseHostPort } from './host-port';

test('names, IPv4 and bracketed IPv6 with a port', () => {
  assert.deepEqual(parseHostPort('example.com:443'), { host: 'example.com', port: 443 });
  assert.deepEqual(parseHostPort('127.0.0.1:8443'), { host: '127.0.0.1', port: 8443 });
  assert.deepEqual(parseHostPort('[::1]:443'), { host: '::1', port: 443 });
  assert.deepEqual(parseHostPort('[2001:db8::5]:25'), { host: '2001:db8::5', port: 25 });
  assert.deepEqual(parseHostPort('https://example.com:8443/'), { host: 'example.com', port: 8443 });
});

test('file names and words are not endpoints; bad ports and bare IPv6 with a port are INVALID_ARGUMENT', () => {
  assert.equal(parseHostPort('server.pem'), null);
  assert.equal(parseHostPort('C:\\certs\\a.pem'), null);
  assert.equal(parseHostPort('./a:b/c.pem'), null);
  for (const bad of ['example.com:0', 'example.com:70000', 'example.com:https', 'example.com:', '::1:443']) {
    assert.throws(() => parseHostPort(bad), (e: unknown) => e instanceof PkiError && e.code === 'INVALID_ARGUMENT', bad);
  }
});
