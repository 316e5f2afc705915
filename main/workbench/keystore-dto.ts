/**
 * An open keystore as the Keystores page shows it: entries with their chains, days left, and what is wrong
 * with them, plus notes on what saving in another format changes. Never carries key bytes.
 */
import type { KeystoreCertDto, KeystoreDto, KeystoreEntryDto, ProblemDto } from '../api/dto';
import { isPkiError } from '../pki/errors';
import type { KeyPairEntry } from '../pki/formats/keystore-model';
import { validityAt } from '../pki/x509/certificate';
import { problem } from '../pki/x509/problems';
import { certFacts, keyFacts, sha256Of, type CertFacts } from './keystore-cert-facts';
import type { EditorEntry, KeystoreDocument } from './keystore-document';

export function keystoreDto(doc: KeystoreDocument, now: Date): KeystoreDto {
  return {
    id: doc.id,
    name: doc.name,
    path: doc.path,
    kind: doc.kind,
    entries: doc.entries.map((e) => entryDto(e, doc, now)),
    dirty: doc.dirty,
    notes: [...doc.notes, ...formatNotes(doc)],
  };
}

function entryDto(entry: EditorEntry, doc: KeystoreDocument, now: Date): KeystoreEntryDto {
  const created = entry.created ? entry.created.toISOString() : null;
  const base = { alias: entry.alias, created, locked: false, ownKeyPassword: false, keyAlgorithm: null, spkiSha256: null };
  switch (entry.type) {
    case 'trustedCert': {
      const cert = certDto(entry.der, now);
      return { ...base, type: 'trustedCert', certificate: cert.dto, chain: [cert.dto], problems: [...cert.problems, ...expiry([cert], now)] };
    }
    case 'secretKey':
      return {
        ...base,
        type: 'secretKey',
        certificate: null,
        chain: [],
        problems: doc.kind === 'jceks' ? [] : [problem('SECRET_KEY_NOT_SAVABLE', 'warning', `Only JCEKS can hold secret keys: save as JCEKS to keep '${entry.alias}', or delete it.`)],
      };
    case 'locked': {
      const chain = entry.chain.map((der) => certDto(der, now));
      return {
        ...base,
        type: 'privateKey',
        locked: true,
        ownKeyPassword: true,
        keyAlgorithm: chain[0]?.facts?.keyWords ?? null,
        spkiSha256: chain[0]?.facts?.spkiSha256 ?? null,
        certificate: chain[0]?.dto ?? null,
        chain: chain.map((c) => c.dto),
        problems: [problem('KEY_LOCKED', 'info', 'This key is protected by a password of its own: enter it to use or save the key.'), ...chain.flatMap((c) => c.problems), ...chainOrder(chain.map((c) => c.facts)), ...expiry(chain, now)],
      };
    }
    case 'privateKey':
      return keyPairDto(entry, doc, now);
  }
}

function keyPairDto(entry: KeyPairEntry, doc: KeystoreDocument, now: Date): KeystoreEntryDto {
  const chain = entry.chain.map((der) => certDto(der, now));
  const problems: ProblemDto[] = chain.flatMap((c) => c.problems);
  let keyAlgorithm: string | null = null;
  let spkiSha256: string | null = null;
  try {
    const key = keyFacts(entry.pkcs8);
    keyAlgorithm = key.keyWords;
    spkiSha256 = key.spkiSha256;
  } catch (e) {
    problems.push(problem('KEY_UNREADABLE', 'error', isPkiError(e) ? e.message : 'The private key could not be decoded.'));
  }
  const leaf = chain[0]?.facts;
  if (!chain.length) {
    problems.push(
      doc.kind === 'pkcs12'
        ? problem('NO_CERTIFICATE', 'warning', 'This key has no certificate: a PKCS#12 file can hold it, a JKS or JCEKS keystore cannot. Import its certificate (the CA reply).')
        : problem('NO_CERTIFICATE', 'error', 'This key has no certificate, which Java keystores need: import its certificate (the CA reply), or save as PKCS#12.'),
    );
  } else if (leaf && spkiSha256 && leaf.spkiSha256 !== spkiSha256) {
    problems.push(problem('KEY_MISMATCH', 'error', 'The certificate does not match the key: its public key belongs to another private key.'));
  }
  problems.push(...chainOrder(chain.map((c) => c.facts)), ...expiry(chain, now));
  if (entry.keyPassword !== undefined && doc.kind === 'pkcs12') {
    problems.push(problem('OWN_KEY_PASSWORD', 'info', 'PKCS#12 has one password: saved as PKCS#12 this key is protected by the store password.'));
  }
  return {
    alias: entry.alias,
    type: 'privateKey',
    created: entry.created ? entry.created.toISOString() : null,
    certificate: chain[0]?.dto ?? null,
    chain: chain.map((c) => c.dto),
    locked: false,
    ownKeyPassword: entry.keyPassword !== undefined,
    keyAlgorithm,
    spkiSha256,
    problems,
  };
}

interface DecodedCert {
  dto: KeystoreCertDto;
  facts: CertFacts | null;
  problems: ProblemDto[];
}

function certDto(der: Uint8Array, now: Date): DecodedCert {
  try {
    const f = certFacts(der);
    const { daysLeft } = validityAt(f.notBefore, f.notAfter, now);
    return { dto: { subject: f.subject, issuer: f.issuer, sha256: f.sha256, notAfter: f.notAfter, daysLeft, selfSigned: f.selfSigned, isCA: f.isCA }, facts: f, problems: [] };
  } catch (e) {
    const dto = { subject: '(unreadable certificate)', issuer: '', sha256: sha256Of(der), notAfter: null, daysLeft: null, selfSigned: false, isCA: false };
    return { dto, facts: null, problems: [problem('CERTIFICATE_UNREADABLE', 'error', isPkiError(e) ? e.message : 'A certificate could not be decoded.')] };
  }
}

/** Expired or not yet valid at `now`: the first certificate as an error, issuers as warnings. */
function expiry(chain: DecodedCert[], now: Date): ProblemDto[] {
  const out: ProblemDto[] = [];
  chain.forEach((c, i) => {
    if (!c.facts || c.dto.daysLeft === null) return;
    const who = i === 0 ? 'The certificate' : `The issuer ${c.dto.subject}`;
    if (Date.parse(c.facts.notAfter ?? '') < now.getTime()) out.push(problem('EXPIRED', i === 0 ? 'error' : 'warning', `${who} expired on ${day(c.facts.notAfter)}.`));
    else if (Date.parse(c.facts.notBefore ?? '') > now.getTime()) out.push(problem('NOT_YET_VALID', 'warning', `${who} is not valid before ${day(c.facts.notBefore)}.`));
  });
  return out;
}

/** Each certificate should be issued by the next one: a cheap check by name for chains stored out of order or with a gap. */
function chainOrder(chain: (CertFacts | null)[]): ProblemDto[] {
  for (let i = 0; i + 1 < chain.length; i++) {
    const [a, b] = [chain[i], chain[i + 1]];
    if (a && b && a.issuer !== b.subject) {
      return [problem('CHAIN_OUT_OF_ORDER', 'warning', `Certificate ${i + 2} of the chain (${b.subject}) is not the issuer of certificate ${i + 1} (issued by ${a.issuer}).`)];
    }
  }
  return [];
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'an unknown date');

/** What saving in the other formats would change, said before the user picks one. */
function formatNotes(doc: KeystoreDocument): string[] {
  const notes: string[] = [];
  const quoted = (aliases: string[]) => aliases.map((a) => `'${a}'`).join(', ');
  const locked = doc.locked().map((e) => e.alias);
  if (locked.length) notes.push(`${locked.length === 1 ? '1 key is' : `${locked.length} keys are`} protected by ${locked.length === 1 ? 'its' : 'their'} own password (${quoted(locked)}): enter ${locked.length === 1 ? 'it' : 'them'} or delete ${locked.length === 1 ? 'the entry' : 'those entries'} before saving.`);
  const secret = doc.entries.filter((e) => e.type === 'secretKey').map((e) => e.alias);
  if (secret.length) notes.push(`JKS and PKCS#12 cannot hold secret keys: save as JCEKS to keep ${quoted(secret)}.`);
  const own = doc.entries.filter((e): e is KeyPairEntry => e.type === 'privateKey' && e.keyPassword !== undefined).map((e) => e.alias);
  if (own.length) notes.push(`PKCS#12 has one password: saved as PKCS#12, ${quoted(own)} ${own.length === 1 ? 'is' : 'are'} protected by the store password instead of ${own.length === 1 ? 'its' : 'their'} own.`);
  const bare = doc.entries.filter((e): e is KeyPairEntry => e.type === 'privateKey' && e.chain.length === 0).map((e) => e.alias);
  if (bare.length) notes.push(`JKS and JCEKS need a certificate for every key: ${quoted(bare)} can be saved only as PKCS#12 until ${bare.length === 1 ? 'its' : 'their'} certificate is imported.`);
  return notes;
}
