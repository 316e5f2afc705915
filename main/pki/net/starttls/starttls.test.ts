/**
 * STARTTLS for each protocol against tiny fake servers on loopback that speak the protocol's preamble
 * (multi-line replies included) and then upgrade the same socket with tls.TLSSocket. A server that does not
 * offer STARTTLS gives NETWORK with its reply quoted.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { TlsOptions } from 'node:tls';
import * as asn1js from 'asn1js';
import type { StarttlsProtocol } from '../../../api/dto';
import { rejectsWith } from '../../../../test/helpers/pki-errors';
import { derOf, LocalServers, upgradeToTls } from '../../../../test/helpers/tls-servers';
import { makeTestPki, type IssuedCert, type TestCaHandle } from '../../../../test/helpers/test-pki';
import { tlsFetch } from '../tls-fetch';

const servers = new LocalServers();
let inter: TestCaHandle;
let leaf: IssuedCert;
let tlsOptions: TlsOptions;

before(() => {
  inter = makeTestPki('Mail Root').issueCa('Mail Intermediate');
  leaf = inter.issueLeaf('mail', { san: ['DNS:mail.example.test'] });
  tlsOptions = { key: readFileSync(leaf.keyPath), cert: leaf.pem + inter.pem, ALPNProtocols: ['h2', 'http/1.1'] };
});
after(() => servers.closeAll());

/** Calls `onLine` for each CR LF line the client sends until it returns 'upgrade'; then TLS on the same socket. */
function lineServer(greeting: string, onLine: (line: string, s: Socket) => 'upgrade' | void) {
  return servers.tcp((s) => {
    let buffer = '';
    const onData = (d: Buffer) => {
      buffer += d.toString('latin1');
      let nl: number;
      while ((nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        if (onLine(line, s) === 'upgrade') {
          s.off('data', onData);
          upgradeToTls(s, tlsOptions);
          return;
        }
      }
    };
    s.on('data', onData);
    if (greeting) s.write(greeting);
  });
}

async function expectUpgrade(protocol: StarttlsProtocol, port: number) {
  const r = await tlsFetch({ host: '127.0.0.1', port, starttls: protocol });
  assert.equal(r.starttls, protocol);
  assert.deepEqual(r.served, [derOf(leaf.pem), derOf(inter.pem)]);
  assert.equal(r.alpn, null, 'no ALPN is offered after STARTTLS');
  assert.equal(r.protocol, 'TLSv1.3');
}

describe('smtp', () => {
  const greeting = '220-mail.example.test ESMTP\r\n220 ready when you are\r\n';
  test('multi-line greeting, EHLO with STARTTLS advertised, 220, TLS', async () => {
    const said: string[] = [];
    const port = await lineServer(greeting, (line, s) => {
      said.push(line);
      if (/^EHLO /.test(line)) s.write('250-mail.example.test hello\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n');
      else if (line === 'STARTTLS') {
        s.write('220 2.0.0 Ready to start TLS\r\n');
        return 'upgrade';
      } else s.write('500 what?\r\n');
    });
    await expectUpgrade('smtp', port);
    assert.deepEqual(said, ['EHLO certbench.invalid', 'STARTTLS']);
  });

  test('STARTTLS not advertised: NETWORK quoting the EHLO reply', async () => {
    const port = await lineServer(greeting, (line, s) => {
      if (/^EHLO /.test(line)) s.write('250-mail.example.test hello\r\n250 8BITMIME\r\n');
    });
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'smtp' }), 'NETWORK');
    assert.match(e.message, /does not offer STARTTLS; its EHLO reply was "250-mail\.example\.test hello \| 250 8BITMIME"/);
  });

  test('a refusing greeting (554) is quoted', async () => {
    const port = await lineServer('554 no service for you\r\n', () => {});
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'smtp' }), 'NETWORK');
    assert.match(e.message, /did not greet as an SMTP server; it said "554 no service for you"/);
  });

  test('STARTTLS refused after being advertised', async () => {
    const port = await lineServer(greeting, (line, s) => {
      if (/^EHLO /.test(line)) s.write('250-x\r\n250 STARTTLS\r\n');
      else s.write('454 4.7.0 TLS not available due to local problem\r\n');
    });
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'smtp' }), 'NETWORK');
    assert.match(e.message, /refused STARTTLS: "454 4\.7\.0 TLS not available/);
  });

  test('the server hangs up after EHLO', async () => {
    const port = await lineServer(greeting, (_line, s) => void s.end());
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'smtp' }), 'NETWORK');
    assert.match(e.message, /closed the connection while waiting for the answer to EHLO/);
  });
});

describe('imap', () => {
  test('greeting, a1 STARTTLS, untagged lines, a1 OK, TLS', async () => {
    const port = await lineServer('* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n', (line, s) => {
      if (line === 'a1 STARTTLS') {
        s.write('* NOTE something untagged\r\na1 OK Begin TLS negotiation now\r\n');
        return 'upgrade';
      }
    });
    await expectUpgrade('imap', port);
  });

  test('STARTTLS refused: the tagged answer is quoted', async () => {
    const port = await lineServer('* OK ready\r\n', (_line, s) => void s.write('a1 BAD unknown command\r\n'));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'imap' }), 'NETWORK');
    assert.match(e.message, /IMAP server at 127\.0\.0\.1:\d+ does not offer STARTTLS; it answered "a1 BAD unknown command"/);
  });

  test('a BYE greeting', async () => {
    const port = await lineServer('* BYE too busy\r\n', () => {});
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'imap' }), 'NETWORK');
    assert.match(e.message, /"\* BYE too busy"/);
  });
});

describe('pop3', () => {
  test('+OK, STLS, +OK, TLS', async () => {
    const port = await lineServer('+OK POP3 ready\r\n', (line, s) => {
      if (line === 'STLS') {
        s.write('+OK Begin TLS negotiation\r\n');
        return 'upgrade';
      }
      s.write('-ERR what?\r\n');
    });
    await expectUpgrade('pop3', port);
  });

  test('STLS refused', async () => {
    const port = await lineServer('+OK POP3 ready\r\n', (_line, s) => void s.write('-ERR Command not permitted\r\n'));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'pop3' }), 'NETWORK');
    assert.match(e.message, /does not offer STLS; it answered "-ERR Command not permitted"/);
  });
});

describe('ftp', () => {
  test('multi-line 220 after a 120, AUTH TLS, 234, TLS', async () => {
    const port = await lineServer('120 ready in a moment\r\n220-Welcome\r\n220 FTP server ready\r\n', (line, s) => {
      if (line === 'AUTH TLS') {
        s.write('234 AUTH TLS OK.\r\n');
        return 'upgrade';
      }
      s.write('500 what?\r\n');
    });
    await expectUpgrade('ftp', port);
  });

  test('AUTH TLS refused', async () => {
    const port = await lineServer('220 FTP server ready\r\n', (_line, s) => void s.write('502 Command not implemented.\r\n'));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'ftp' }), 'NETWORK');
    assert.match(e.message, /does not offer AUTH TLS; it answered "502 Command not implemented\."/);
  });
});

describe('ldap', () => {
  /** Checks the request with asn1js (a decoder independent of the code under test): StartTLS, message 1. */
  function isStartTlsRequest(bytes: Uint8Array): boolean {
    const { result, offset } = asn1js.fromBER(Uint8Array.from(bytes));
    if (offset === -1 || !(result instanceof asn1js.Sequence)) return false;
    const [id, op] = result.valueBlock.value as asn1js.AsnType[];
    const opBlock = op as asn1js.Constructed;
    const name = opBlock.valueBlock.value[0] as asn1js.Primitive;
    return (
      (id as asn1js.Integer).valueBlock.valueDec === 1 &&
      op.idBlock.tagClass === 2 &&
      op.idBlock.tagNumber === 23 &&
      name.idBlock.tagClass === 3 &&
      name.idBlock.tagNumber === 0 &&
      Buffer.from(name.valueBlock.valueHexView).toString('latin1') === '1.3.6.1.4.1.1466.20037'
    );
  }

  function ldapServer(answer: Uint8Array, upgrade: boolean) {
    return servers.tcp((s) => {
      s.once('data', (request: Buffer) => {
        if (!isStartTlsRequest(request)) return s.end();
        s.write(answer);
        if (upgrade) upgradeToTls(s, tlsOptions);
      });
    });
  }

  test('ExtendedResponse success (short lengths), TLS', async () => {
    const ok = Uint8Array.of(0x30, 0x0c, 0x02, 0x01, 0x01, 0x78, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00);
    await expectUpgrade('ldap', await ldapServer(ok, true));
  });

  test('ExtendedResponse success with four-byte lengths (as Active Directory writes them), TLS', async () => {
    const ok = Uint8Array.of(0x30, 0x84, 0, 0, 0, 0x10, 0x02, 0x01, 0x01, 0x78, 0x84, 0, 0, 0, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00);
    await expectUpgrade('ldap', await ldapServer(ok, true));
  });

  test('protocolError with a diagnostic: NETWORK quoting it', async () => {
    const diag = Buffer.from('unsupported extended operation', 'latin1');
    const inner = Buffer.concat([Buffer.of(0x0a, 0x01, 0x02, 0x04, 0x00, 0x04, diag.length), diag]);
    const op = Buffer.concat([Buffer.of(0x78, inner.length), inner]);
    const body = Buffer.concat([Buffer.of(0x02, 0x01, 0x01), op]);
    const port = await ldapServer(Buffer.concat([Buffer.of(0x30, body.length), body]), false);
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'ldap' }), 'NETWORK');
    assert.match(e.message, /refused StartTLS \(protocolError: "unsupported extended operation"\)/);
  });

  test('an answer that is not LDAP', async () => {
    const port = await servers.tcp((s) => s.once('data', () => s.write('HTTP/1.0 400 Bad Request\r\n\r\n')));
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port, starttls: 'ldap', timeoutMs: 2000 }), 'NETWORK');
    assert.match(e.message, /did not answer StartTLS as an LDAP server/);
  });
});

describe('postgres', () => {
  function pgServer(answer: string, upgrade: boolean) {
    return servers.tcp((s) => {
      s.once('data', (request: Buffer) => {
        // SSLRequest: Int32 length 8, Int32 80877103.
        if (request.length !== 8 || request.readInt32BE(0) !== 8 || request.readInt32BE(4) !== 80877103) return s.end();
        s.write(answer);
        if (upgrade) upgradeToTls(s, tlsOptions);
      });
    });
  }

  test("SSLRequest, 'S', TLS", async () => {
    await expectUpgrade('postgres', await pgServer('S', true));
  });

  test("'N': the server does not accept TLS", async () => {
    const e = await rejectsWith(tlsFetch({ host: '127.0.0.1', port: await pgServer('N', false), starttls: 'postgres' }), 'NETWORK');
    assert.match(e.message, /does not accept TLS \(it answered N to the SSLRequest\)/);
  });
});
