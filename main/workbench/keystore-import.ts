/**
 * What comes into a keystore from the open documents: certificates as trusted entries, a private key with
 * its chain, and a CA reply that replaces a key entry's chain once its public key is checked against the key
 * (keytool -importcert on a key alias: the mutual-TLS flow).
 */
import type { ObjectSummaryDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import { aliasFromName, uniqueAlias } from './keystore-aliases';
import { certFacts, certificateOfKey, keyFacts, sha256Of } from './keystore-cert-facts';
import type { KeystoreDocument } from './keystore-document';
import { orderChain } from '../pki/chain-order';
import type { CollectedObject, Session } from './session';

export interface ImportContext {
  session: Session;
  now: Date;
}

/**
 * Certificates as trusted entries, named `alias` (one certificate) or from each common name. A certificate the
 * keystore already trusts (same SHA-256) is not added twice; when none of them is new, INVALID_ARGUMENT says
 * under which alias each already is (as keytool warns).
 */
export function addTrusted(doc: KeystoreDocument, ctx: ImportContext, objectIds: readonly string[], alias?: string): void {
  const certs = certificatesOf(ctx.session.collect({ objectIds })).map((c) => c.der);
  if (alias !== undefined && certs.length !== 1) {
    throw new PkiError('INVALID_ARGUMENT', `An alias names one certificate; ${certs.length} were chosen.`, 'Leave the alias out: each certificate is then named after its common name.');
  }
  const trusted = new Map(doc.entries.flatMap((e) => (e.type === 'trustedCert' ? [[sha256Of(e.der), e.alias] as const] : [])));
  const present = new Set<string>();
  const fresh = certs.filter((der) => {
    const sha = certFacts(der).sha256;
    const already = trusted.get(sha);
    if (already !== undefined) present.add(already);
    else trusted.set(sha, '');
    return already === undefined;
  });
  if (!fresh.length) {
    const names = [...present].map((a) => `'${a}'`).join(', ');
    throw new PkiError('INVALID_ARGUMENT', `${certs.length === 1 ? 'This certificate is' : 'These certificates are'} already trusted in the keystore (${names}).`, 'Nothing was added; rename the existing entry if it needs another alias.');
  }
  for (const der of fresh) {
    const name = alias ?? uniqueAlias(aliasFromName(doc.kind, certFacts(der).commonName, 'certificate'), (a) => doc.has(a));
    doc.add({ type: 'trustedCert', alias: name, der, created: ctx.now });
  }
}

export interface KeyPairRequest {
  keyObjectId: string;
  certificateObjectIds?: readonly string[];
  alias: string;
  keyPassword?: string;
}

/** A private key under `alias` with its chain ordered by signature from the given (or all open) certificates. */
export function importKeyPair(doc: KeystoreDocument, ctx: ImportContext, request: KeyPairRequest): void {
  const [key] = ctx.session.collect({ objectIds: [request.keyObjectId] });
  if (key?.raw.kind !== 'privateKey') {
    throw new PkiError('INVALID_ARGUMENT', `${describe(key?.row)} is not a private key.`, 'Pick the private key to import (its row says "private key").');
  }
  const alias = doc.freeAlias(request.alias);
  const pkcs8 = key.raw.pkcs8;
  const keyInfo = keyFacts(pkcs8);
  const given = request.certificateObjectIds !== undefined;
  const candidates = given ? certificatesOf(ctx.session.collect({ objectIds: request.certificateObjectIds })) : openCertificates(ctx.session);
  let chain: Uint8Array[] = [];
  if (candidates.some((c) => c.spkiSha256 === keyInfo.spkiSha256)) {
    const order = orderChain(candidates.map((c) => c.der), { leafSpki: keyInfo.spki });
    chain = order.chain.map((c) => c.der);
    // Only the certificates the user picked are worth a word: the rest of what is open is unrelated by nature.
    if (given) doc.notes.push(...order.warnings, ...order.leftOut.map((l) => `Not in the chain of '${alias}': ${l.reason}`));
  } else if (given || doc.kind !== 'pkcs12') {
    // A PKCS#12 may hold a lone key, but certificates the user picked for it must be its own.
    throw new PkiError(
      'NO_MATCHING_KEY',
      given ? 'None of the chosen certificates belongs to this key.' : 'No open certificate belongs to this key.',
      'Open the certificate (or the CA reply) issued for this key first, then import the key again. A PKCS#12 keystore can hold a key without its certificate.',
    );
  }
  if (chain.length && !certificateOfKey(chain[0], keyInfo.spkiSha256)) throw new PkiError('INTERNAL', 'The chain built for this key does not start with its certificate.', 'Please report this with the files (without private keys).');
  doc.add({ type: 'privateKey', alias, pkcs8, chain, ...(request.keyPassword !== undefined ? { keyPassword: request.keyPassword } : {}), created: ctx.now });
}

/**
 * The reply's certificate for the key of `alias` becomes the leaf; its issuers come from the reply, then the
 * keystore's trusted entries and the open certificates, ordered by signature. NO_MATCHING_KEY when the reply
 * was issued for another key.
 */
export function importCaReply(doc: KeystoreDocument, ctx: ImportContext, alias: string, objectIds: readonly string[]): void {
  const entry = doc.keyPair(alias);
  const reply = certificatesOf(ctx.session.collect({ objectIds }));
  const keyInfo = keyFacts(entry.pkcs8);
  const leaf = reply.find((c) => c.spkiSha256 === keyInfo.spkiSha256)?.der;
  if (!leaf) {
    throw new PkiError(
      'NO_MATCHING_KEY',
      `This CA reply was issued for a different key: none of its certificates holds the public key of '${entry.alias}'.`,
      `Import the reply under the alias whose key made the certificate request (CSR), or ask the CA to sign the CSR made from the key of '${entry.alias}'.`,
    );
  }
  // Older certificates of the same key (the self-signed one keytool made, the keystore itself open in the
  // session) must not compete with the reply's leaf.
  const trusted = doc.entries.flatMap((e) => (e.type === 'trustedCert' ? [e.der] : []));
  const issuers = [...reply, ...openCertificates(ctx.session)].filter((c) => c.spkiSha256 !== keyInfo.spkiSha256).map((c) => c.der);
  issuers.push(...trusted.filter((der) => !certificateOfKey(der, keyInfo.spkiSha256)));
  const chain = orderChain([leaf, ...issuers], { leafSpki: keyInfo.spki }).chain.map((c) => c.der);
  if (!chain.length || sha256Of(chain[0]) !== sha256Of(leaf)) throw new PkiError('INTERNAL', 'The chain built from the CA reply does not start with its certificate.', 'Please report this with the files (without private keys).');
  doc.replace(entry.alias, { ...entry, chain });
}

/** A certificate from the open documents with its public key's fingerprint (from its row: decoded once). */
interface OpenCertificate {
  der: Uint8Array;
  spkiSha256: string | null;
}

/** The collected objects as certificates; INVALID_ARGUMENT naming the first that is not one. */
function certificatesOf(objects: CollectedObject[]): OpenCertificate[] {
  const other = objects.find((o) => o.raw.kind !== 'certificate');
  if (other) throw new PkiError('INVALID_ARGUMENT', `${describe(other.row)} is not a certificate.`, 'Pick certificates only (a CA certificate, or the certificates of a CA reply).');
  return openCertificatesOf(objects);
}

const openCertificatesOf = (objects: CollectedObject[]): OpenCertificate[] => objects.flatMap((o) => (o.raw.kind === 'certificate' ? [{ der: o.raw.der, spkiSha256: o.row.spkiSha256 }] : []));
const openCertificates = (session: Session) => openCertificatesOf(session.openCertificates());

function describe(row: ObjectSummaryDto | undefined): string {
  if (!row) return 'That object';
  const kind = row.kind === 'privateKey' ? 'The private key' : row.kind === 'certificate' ? 'The certificate' : row.kind === 'csr' ? 'The certificate request' : 'The object';
  return `${kind} ${row.label ? `"${row.label}"` : ''}`.trim();
}
