/** The CA reply pre-check over real rows: the e2e CA's certificates, and a reply OpenSSL signs for the server key. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { KeystoreEntryDto, ObjectSummaryDto } from '../../../main/api/dto';
import { createWorkbench } from '../../../main/workbench';
import { ROOT } from '../../../test/helpers/fixtures';
import { checkReply } from './replyCheck';

const e2e = (name: string) => join(ROOT, 'e2e', 'fixtures', name);

async function rowsOf(paths: string[]): Promise<ObjectSummaryDto[]> {
  const wb = createWorkbench();
  wb.grants.grant(paths);
  const state = await wb.handlers['documents.openPaths']({ paths });
  return state.documents.flatMap((d) => d.objects);
}

const entryFor = (cert: ObjectSummaryDto | undefined, spkiSha256: string | null = null): KeystoreEntryDto => ({
  alias: 'client',
  type: 'privateKey',
  created: null,
  certificate: cert ? { subject: cert.subject ?? '', issuer: cert.issuer ?? '', sha256: cert.sha256!.toLowerCase(), notAfter: cert.notAfter, daysLeft: cert.daysLeft, selfSigned: cert.selfSigned, isCA: cert.isCA } : null,
  chain: [],
  locked: false,
  ownKeyPassword: false,
  keyAlgorithm: 'RSA',
  spkiSha256,
  problems: [],
});

test('a reply signed for the entry’s key matches; a certificate for another key does not; an entry not open is unknown', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reply-'));
  try {
    const csr = join(dir, 'renew.csr');
    const reply = join(dir, 'reply.pem');
    execFileSync('openssl', ['req', '-new', '-key', e2e('server.key'), '-subj', '/CN=renewed.example.test', '-out', csr]);
    execFileSync('openssl', ['x509', '-req', '-in', csr, '-CA', e2e('root.pem'), '-CAkey', e2e('root.key'), '-set_serial', '0x77', '-days', '30', '-out', reply]);

    const rows = await rowsOf([e2e('server.pem'), e2e('client.pem'), e2e('root.pem'), reply]);
    const bySubject = (cn: string) => rows.find((r) => r.kind === 'certificate' && r.label === cn);
    const server = bySubject('shop.example.test');
    const client = bySubject('api-user-42@example.test');
    const root = bySubject('Certbench E2E Root');
    const renewed = bySubject('renewed.example.test');
    assert.ok(server && client && root && renewed, 'the four certificates are open');

    const entry = entryFor(server);
    const match = checkReply(entry, [root, renewed], rows);
    assert.equal(match.state, 'match');
    assert.equal(match.state === 'match' && match.cert.id, renewed.id);
    assert.deepEqual(checkReply(entry, [client, root], rows), { state: 'mismatch' });
    // The entry's certificate is not among the open objects: nothing to compare with.
    assert.deepEqual(checkReply(entry, [renewed], rows.filter((r) => r.id !== server.id)), { state: 'unknown' });
    assert.deepEqual(checkReply(entryFor(undefined), [renewed], rows), { state: 'unknown' });
    // The entry names its public key (as main sends it): answerable whatever is open.
    const named = entryFor(undefined, server.spkiSha256);
    assert.equal(checkReply(named, [renewed], []).state, 'match');
    assert.deepEqual(checkReply(named, [client], []), { state: 'mismatch' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
