/**
 * Writes the hand-made hostile inputs of this folder (crafted-*.bin, each with its .json): the attacks of
 * issue 10 items 5 and 7, kept beside what `npm run fuzz` finds so `npm test` replays both.
 * Run: node --import tsx test/fuzz-regressions/make-crafted.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allNodes, encodeTree, parseTree } from '../../main/fuzz/der-tree';
import { concat, longOid, nested, nestedIndefinite, tlv } from '../../main/fuzz/tlv';

const here = __dirname;
const fixture = (...p: string[]) => new Uint8Array(readFileSync(join(here, '..', 'fixtures', ...p)));
const INT0 = Uint8Array.of(0x02, 0x01, 0x00);
const NULLS = (n: number) => new Uint8Array(2 * n).map((_, i) => (i % 2 === 0 ? 0x05 : 0));
const pem = (label: string, der: Uint8Array) =>
  new TextEncoder().encode(`-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`);
const oidKey = (oid: Uint8Array) => tlv(0x30, INT0, tlv(0x30, oid), tlv(0x04, tlv(0x30, INT0)));
const BIG = Uint8Array.of(0x7f, 0xff, 0xff, 0xff);

/** Every INTEGER that follows an OCTET STRING in a SEQUENCE (PBE, PBKDF2 and MAC iteration counts) set to `value`. */
function withIterations(der: Uint8Array, value: Uint8Array): Uint8Array {
  const tree = parseTree(der);
  if (!tree) throw new Error('not DER');
  for (const { node } of allNodes(tree)) {
    if (node.kind !== 'constructed') continue;
    node.children.forEach((c, i) => {
      const prev = node.children[i - 1];
      if (c.kind === 'primitive' && c.id[0] === 0x02 && prev && prev.id[0] === 0x04) c.value = value;
    });
  }
  return encodeTree(tree);
}

/** JCEKS: the key protector's 200,000 rounds (02 03 03 0d 40) raised to 8,388,607; the digest no longer matches. */
function jceksWithRounds(): Uint8Array {
  const bytes = Buffer.from(fixture('keystores', 'keys.jceks'));
  const at = bytes.indexOf(Buffer.from('0203030d40', 'hex'));
  if (at < 0) throw new Error('no 200,000 iteration count in keys.jceks');
  bytes.set([0x02, 0x03, 0x7f, 0xff, 0xff], at);
  return new Uint8Array(bytes);
}

/** SEC1 ECPrivateKey with its private value made 300 bytes long (Node used to abort the process on it). */
function ecScalarTooLong(): Uint8Array {
  const tree = parseTree(fixture('keys', 'ec-p-256.sec1.der'));
  const scalar = tree && allNodes(tree).find(({ node }) => node.kind === 'primitive' && node.id[0] === 0x04);
  if (!tree || !scalar || scalar.node.kind !== 'primitive') throw new Error('no private value in ec-p-256.sec1.der');
  scalar.node.value = new Uint8Array(300).map((_, i) => (i * 37 + 11) & 0xff);
  return encodeTree(tree);
}

/** JKS header with an entry count of 2^31 - 1 and nothing behind it. */
const jksHugeCount = concat([Uint8Array.of(0xfe, 0xed, 0xfe, 0xed, 0, 0, 0, 2), BIG, new Uint8Array(20)]);

const p7 = (items: Uint8Array) => {
  const oid = (last: number) => tlv(0x06, Uint8Array.of(0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, last));
  return tlv(0x30, oid(2), tlv(0xa0, tlv(0x30, INT0, tlv(0x31), tlv(0x30, oid(1)), tlv(0xa0, items))));
};

const cases: Array<{ name: string; bytes: Uint8Array; password?: string; what: string }> = [
  { name: 'oid-million-arcs-key.der', bytes: oidKey(longOid(1_000_000)), what: 'PKCS#8 key whose algorithm OID has a million arcs (849 MB before the cap)' },
  { name: 'oid-million-arcs-key.pem', bytes: pem('PRIVATE KEY', oidKey(longOid(1_000_000))), what: 'the same key as PEM' },
  { name: 'oid-huge-arc.der', bytes: oidKey(tlv(0x06, concat([Uint8Array.of(0x2a), new Uint8Array(5000).fill(0xff), Uint8Array.of(0x01)]))), what: 'an OID with one 5,001-byte arc' },
  { name: 'depth-definite-20000.der', bytes: nested(20_000, Uint8Array.of(0x05, 0x00)), what: '20,000 nested SEQUENCEs' },
  { name: 'depth-indefinite-100000.der', bytes: nestedIndefinite(100_000, Uint8Array.of(0x05, 0x00)), what: '100,000 nested indefinite-length SEQUENCEs (BER)' },
  { name: 'depth-bomb-in-pem.pem', bytes: pem('CERTIFICATE', nested(5_000, Uint8Array.of(0x05, 0x00))), what: 'a depth bomb as a PEM certificate' },
  { name: 'elements-250000.der', bytes: tlv(0x30, tlv(0x30, NULLS(250_000))), what: 'one structure of 250,000 elements' },
  { name: 'pkcs7-200001-objects.der', bytes: p7(NULLS(200_001)), what: 'a PKCS#7 bundle of 200,001 objects' },
  { name: 'ec-scalar-300-bytes.sec1.pem', bytes: pem('EC PRIVATE KEY', ecScalarTooLong()), what: 'a SEC1 P-256 key whose private value is 300 bytes (SIGABRT in Node before the guard)' },
  { name: 'jks-huge-entry-count.jks', bytes: jksHugeCount, what: 'a JKS header claiming 2^31-1 entries' },
  { name: 'jceks-8m-rounds-altered.jceks', bytes: jceksWithRounds(), password: 'changeit-store', what: 'an altered JCEKS whose key asks for 8,388,607 rounds: wrong password or altered, said at once' },
  { name: 'pfx-iterations-2e31.pfx', bytes: withIterations(fixture('pkcs12', 'modern-rsa.pfx'), BIG), password: 'Certbench-Test-1', what: 'a PFX whose MAC and PBE iteration counts are 2^31-1' },
  { name: 'pfx-iterations-2e31-no-password.pfx', bytes: withIterations(fixture('pkcs12', 'modern-rsa.pfx'), BIG), what: 'the same PFX opened without a password' },
  { name: 'pkcs8-pbkdf2-2e31.der', bytes: withIterations(fixture('keys', 'rsa2048.pkcs8.aes256.der'), BIG), password: 'Certbench-Test-1', what: 'an encrypted PKCS#8 key with 2^31-1 PBKDF2 rounds' },
];

for (const c of cases) {
  const file = `crafted-${c.name}.bin`;
  writeFileSync(join(here, file), c.bytes);
  writeFileSync(join(here, file.replace(/\.bin$/, '.json')), JSON.stringify({ password: c.password ?? null, what: c.what, madeBy: 'make-crafted.ts' }, null, 2) + '\n');
  console.log(`${file}: ${c.bytes.length.toLocaleString('en-US')} bytes`);
}
