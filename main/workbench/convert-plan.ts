/**
 * What a conversion will write, decided before anything is written: the chain in signature order (leaf →
 * root, never input order), the one private key that belongs to it, the files of the target, and what is
 * left out and why. The same plan drives the Convert page's preview, its run, and `certbench convert`.
 */
import type { ConvertOptionsDto, ConvertPreviewDto, ConvertTarget, ErrorInfo, PlannedCertDto, PlannedFileDto, ProblemDto } from '../api/dto';
import { orderChain } from '../pki/chain-order';
import { privateKeyFacts } from '../pki/crypto';
import { derSha256 } from '../pki/der-fingerprint';
import { modelFromObjects } from '../pki/formats/keystore-from-objects';
import type { KeystoreModel } from '../pki/formats/keystore-model';
import type { RawPrivateKey } from '../pki/model';
import { equalBytes } from '../pki/x509/certificate';
import type { CollectedObject } from './session';

export type CertRole = PlannedCertDto['role'];

export interface PlannedCert {
  der: Uint8Array;
  role: CertRole;
}

/** One output file before its bytes exist. */
export interface PlannedFile extends PlannedFileDto {
  /** The certificates it holds, in order. */
  certs: PlannedCert[];
  /** It holds the private key (as PEM after the certificates, or alone). */
  withKey: boolean;
}

export interface ConvertPlan {
  target: ConvertTarget;
  preview: ConvertPreviewDto;
  files: PlannedFile[];
  /** The private key written (single-key targets). */
  key: Uint8Array | null;
  /** The keystore written (pfx, jks, jceks). */
  model: KeystoreModel | null;
  /** The key is written encrypted (pem with key, certbot privkey, pkcs8, pkcs1, separate key files). */
  keyEncrypted: boolean;
}

const KEYSTORE_TARGETS = new Set<ConvertTarget>(['pfx', 'jks', 'jceks']);
const KEY_TARGETS = new Set<ConvertTarget>(['pkcs8', 'pkcs8-der', 'pkcs1']);
/** Targets that keep the root by default (a Windows chain import, a keystore); servers should not send it. */
const ROOT_BY_DEFAULT = new Set<ConvertTarget>(['p7b', 'p7b-der', 'pfx', 'jks', 'jceks']);

const TARGET_WORDS: Record<ConvertTarget, string> = {
  pem: 'PEM',
  fullchain: 'a fullchain PEM',
  certbot: 'the nginx/Apache set',
  der: 'DER',
  p7b: 'P7B',
  'p7b-der': 'P7B (DER)',
  pfx: 'PFX',
  jks: 'a JKS keystore',
  jceks: 'a JCEKS keystore',
  pkcs8: 'a PKCS#8 key',
  'pkcs8-der': 'a PKCS#8 DER key',
  pkcs1: 'a traditional key',
};

/** `fallbackName`: the file name to build output names from when no certificate names them (a key alone). */
export function planConversion(objects: CollectedObject[], target: ConvertTarget, options: ConvertOptionsDto = {}, fallbackName?: string): ConvertPlan {
  const certificates = objects.filter((o) => o.raw.kind === 'certificate');
  const keys = objects.filter((o): o is CollectedObject & { raw: RawPrivateKey } => o.raw.kind === 'privateKey');
  const leftOut: ConvertPreviewDto['leftOut'] = [];
  const warnings: ProblemDto[] = [];
  const byHash = new Map<string, CollectedObject>();
  for (const c of certificates) {
    const h = certHash(derOf(c));
    if (!byHash.has(h)) byHash.set(h, c);
  }

  for (const o of objects) {
    if (o.raw.kind === 'certificate' || o.raw.kind === 'privateKey') continue;
    const locked = o.raw.kind === 'unsupported' && (o.raw.code === 'PASSWORD_REQUIRED' || o.raw.code === 'WRONG_PASSWORD');
    leftOut.push({ objectId: o.id, label: o.row.label, reason: locked ? 'It is locked: enter its password in Inspect first.' : `${TARGET_WORDS[target]} does not hold ${kindWords(o.row.kind)}.` });
  }

  const keystore = KEYSTORE_TARGETS.has(target);
  const includeRoot = options.includeRoot ?? ROOT_BY_DEFAULT.has(target);
  const includeChain = options.includeChain ?? true;

  let model: KeystoreModel | null = null;
  let key: (CollectedObject & { raw: RawPrivateKey }) | null = null;
  let chain: PlannedCert[] = [];
  /** The leaf by signature before the target trims the chain (a key file keeps no certificate, but the key still belongs to one). */
  let orderedLeaf: PlannedCert | null = null;
  if (keystore) {
    const built = modelFromObjects(
      objects.map((o) => o.raw),
      { alias: options.alias, includeRoot, caEntries: options.caEntries && (target !== 'pfx' || options.profile === 'java') },
    );
    if (options.caEntries && target === 'pfx' && options.profile !== 'java') {
      warnings.push({ code: 'CA_ENTRIES_JAVA_ONLY', severity: 'info', message: 'CA certificates get trusted entries of their own only in a Java keystore or a PFX with the java profile: this PFX holds them in the key\'s chain.' });
    }
    for (const l of built.leftOut) {
      const o = objects[l.index];
      if (o && !leftOut.some((x) => x.objectId === o.id)) leftOut.push({ objectId: o.id, label: o.row.label, reason: l.reason });
    }
    for (const w of built.warnings) warnings.push({ code: 'CONVERT_NOTE', severity: 'warning', message: w });
    model = includeChain ? built.model : { entries: built.model.entries.map((e) => (e.type === 'privateKey' ? { ...e, chain: e.chain.slice(0, 1) } : e)) };
    const first = model.entries.find((e) => e.type === 'privateKey');
    if (first && first.type === 'privateKey') {
      chain = orderChain(first.chain, { leafSpki: privateKeyFacts(first.pkcs8).spki }).chain;
      orderedLeaf = chain[0] ?? null;
      key = keys.find((k) => equalBytes(k.raw.pkcs8, first.pkcs8)) ?? null;
    } else {
      chain = model.entries.flatMap((e) => (e.type === 'trustedCert' ? [{ der: e.der, role: 'root' as const }] : []));
    }
  } else {
    key = pickKey(keys, certificates, leftOut, target);
    const leafSpki = key ? privateKeyFacts(key.raw.pkcs8).spki : undefined;
    const ordered = certificates.length ? orderChain(certificates.map(derOf), leafSpki ? { leafSpki } : undefined) : { chain: [], leftOut: [], warnings: [] };
    for (const w of ordered.warnings) warnings.push({ code: 'CHAIN_ORDER', severity: 'warning', message: w });
    orderedLeaf = ordered.chain[0]?.role === 'leaf' ? ordered.chain[0] : null;
    for (const l of ordered.leftOut) {
      const o = byHash.get(certHash(l.der));
      if (o) leftOut.push({ objectId: o.id, label: o.row.label, reason: l.reason });
    }
    chain = ordered.chain;
    if (KEY_TARGETS.has(target)) for (const c of chain.splice(0)) addLeftOut(leftOut, byHash, c.der, 'A key file holds only the key.');
    else if (target === 'der') dropAfterLeaf(chain, leftOut, byHash, 'A DER file holds one certificate: save the chain as P7B or PEM.');
    else if (!includeChain) dropAfterLeaf(chain, leftOut, byHash, 'The chain was not asked for.');
    else if (!includeRoot) dropRoot(chain, leftOut, byHash);
  }

  const leaf = orderedLeaf;
  const leafRow = leaf ? byHash.get(certHash(leaf.der))?.row : undefined;
  const matchesLeaf = !!(key && leafRow && key.row.spkiSha256 && key.row.spkiSha256 === leafRow.spkiSha256);
  if (key && leaf && !matchesLeaf && !keystore) {
    warnings.push({ code: 'KEY_MISMATCH', severity: 'warning', message: `The private key does not belong to ${leafRow?.label ?? 'the first certificate'}.` });
  }
  const keyEncrypted = !options.noKeyEncryption;
  const includeKey = options.includeKey ?? true;
  const base = baseName(leafRow?.subject ?? null, leafRow?.label ?? (fallbackName ? stem(fallbackName) : null) ?? key?.row.label ?? null);
  const files = plannedFiles(target, { chain, key: key?.raw.pkcs8 ?? null, includeKey, separate: options.separateKey ?? false, keyEncrypted, base, model });
  if (!keyEncrypted && files.some((f) => f.withKey)) {
    warnings.push({ code: 'UNENCRYPTED_KEY', severity: 'warning', message: 'The private key will be written without a passphrase: anyone who gets the file can use it.' });
  }
  if (target === 'certbot' && !files.some((f) => f.role === 'chain')) {
    warnings.push({ code: 'NO_INTERMEDIATES', severity: 'info', message: 'There are no intermediate certificates: chain.pem is not written and fullchain.pem holds the leaf only.' });
  }

  const blocked = blockedReason(target, { chain, key, model });
  const preview: ConvertPreviewDto = {
    target,
    found: { certificates: certificates.length, privateKeys: keys.length, other: objects.length - certificates.length - keys.length },
    chain: chain.map((c) => {
      const o = byHash.get(certHash(c.der));
      return { objectId: o?.id ?? '', label: o?.row.label ?? 'certificate', subject: o?.row.subject ?? '', role: c.role, notAfter: o?.row.notAfter ?? null };
    }),
    key: key ? { objectId: key.id, label: key.row.label, matchesLeaf } : null,
    leftOut,
    warnings,
    files: blocked ? [] : files.map(({ certs: _c, withKey: _k, ...dto }) => dto),
    needsPassword: keystore || (keyEncrypted && files.some((f) => f.withKey)),
    blocked,
  };
  return { target, preview, files: blocked ? [] : files, key: key?.raw.pkcs8 ?? null, model, keyEncrypted };
}

/** The key of this conversion: the one that belongs to an open certificate, else the only one. */
function pickKey(
  keys: (CollectedObject & { raw: RawPrivateKey })[],
  certificates: CollectedObject[],
  leftOut: ConvertPreviewDto['leftOut'],
  target: ConvertTarget,
): (CollectedObject & { raw: RawPrivateKey }) | null {
  if (keys.length === 0) return null;
  const certSpkis = new Set(certificates.map((c) => c.row.spkiSha256).filter(Boolean));
  const distinct = new Map<string, CollectedObject & { raw: RawPrivateKey }>();
  for (const k of keys) if (!distinct.has(k.row.spkiSha256 ?? k.id)) distinct.set(k.row.spkiSha256 ?? k.id, k);
  const chosen = [...distinct.values()].find((k) => k.row.spkiSha256 && certSpkis.has(k.row.spkiSha256)) ?? [...distinct.values()][0];
  for (const k of keys) {
    if (k === chosen) continue;
    const copy = k.row.spkiSha256 && k.row.spkiSha256 === chosen.row.spkiSha256;
    leftOut.push({ objectId: k.id, label: k.row.label, reason: copy ? 'Another copy of the same key.' : `${TARGET_WORDS[target]} holds one private key: convert this one on its own (or choose a keystore).` });
  }
  return chosen;
}

interface FileInputs {
  chain: PlannedCert[];
  key: Uint8Array | null;
  includeKey: boolean;
  separate: boolean;
  keyEncrypted: boolean;
  base: string;
  model: KeystoreModel | null;
}

function plannedFiles(target: ConvertTarget, f: FileInputs): PlannedFile[] {
  const intermediates = f.chain.filter((c) => c.role === 'intermediate');
  const key = f.key !== null && f.includeKey;
  const keyFile = (name: string): PlannedFile => file(name, 'privkey', 'pkcs8', [], true, f.keyEncrypted);
  const files: PlannedFile[] = [];
  switch (target) {
    case 'pem':
      files.push(file(`${f.base}.pem`, 'main', 'pem', f.chain, key && !f.separate, f.keyEncrypted));
      break;
    case 'fullchain':
      files.push(file(`${f.base}.fullchain.pem`, 'main', 'fullchain', f.chain, false, false));
      break;
    case 'certbot': {
      const leaf = f.chain.filter((c) => c.role === 'leaf');
      files.push(file('cert.pem', 'cert', 'pem', leaf, false, false));
      if (intermediates.length) files.push(file('chain.pem', 'chain', 'pem', intermediates, false, false));
      files.push(file('fullchain.pem', 'fullchain', 'fullchain', [...leaf, ...intermediates], false, false));
      if (f.key !== null) files.push(keyFile('privkey.pem'));
      return files;
    }
    case 'der':
      files.push(file(`${f.base}.cer`, 'main', 'der', f.chain.slice(0, 1), false, false));
      break;
    case 'p7b':
    case 'p7b-der':
      files.push(file(`${f.base}.p7b`, 'main', target, f.chain, false, false));
      break;
    case 'pfx':
    case 'jks':
    case 'jceks': {
      const entries = f.model?.entries ?? [];
      const count = entries.reduce((n, e) => n + (e.type === 'privateKey' ? 1 + e.chain.length : 1), 0);
      const withKey = entries.some((e) => e.type === 'privateKey');
      const ext = target === 'pfx' ? 'pfx' : target;
      const planned = file(`${f.base}.${ext}`, 'main', target, [], withKey, true);
      planned.objects = count;
      planned.describe = describeKeystore(target, f.model);
      return [planned];
    }
    case 'pkcs8':
      return f.key ? [file(`${f.base}.key`, 'main', 'pkcs8', [], true, f.keyEncrypted)] : [];
    case 'pkcs8-der':
      return f.key ? [file(`${f.base}.pk8`, 'main', 'pkcs8-der', [], true, f.keyEncrypted)] : [];
    case 'pkcs1':
      return f.key ? [file(`${f.base}.key`, 'main', 'pkcs1', [], true, f.keyEncrypted)] : [];
  }
  if (f.key !== null && f.separate && f.includeKey) files.push(keyFile(`${f.base}.key`));
  return files;
}

function file(name: string, role: PlannedFileDto['role'], format: ConvertTarget, certs: PlannedCert[], withKey: boolean, encrypted: boolean): PlannedFile {
  const keyOnly = certs.length === 0 && withKey;
  return {
    name,
    role,
    format,
    objects: certs.length + (withKey ? 1 : 0),
    secret: withKey,
    describe: keyOnly ? `The private key, ${encrypted ? 'encrypted with your passphrase' : 'NOT encrypted'}` : describeCerts(certs, withKey, encrypted),
    certs,
    withKey,
  };
}

function describeCerts(certs: PlannedCert[], withKey: boolean, encrypted: boolean): string {
  const count = (role: CertRole) => certs.filter((c) => c.role === role).length;
  const parts: string[] = [];
  if (count('leaf')) parts.push('the certificate');
  const n = count('intermediate');
  if (n) parts.push(n === 1 ? '1 intermediate' : `${n} intermediates`);
  if (count('root')) parts.push(count('root') === 1 ? 'the root' : `${count('root')} CA certificates`);
  if (withKey) parts.push(`the private key (${encrypted ? 'encrypted' : 'NOT encrypted'})`);
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'nothing');
  return text[0].toUpperCase() + text.slice(1);
}

/** Key pairs named one by one in a file's description; a 500-entry keystore is described in a line, not in 30 KB. */
const KEY_PAIRS_NAMED = 3;

function describeKeystore(target: ConvertTarget, model: KeystoreModel | null): string {
  const entries = model?.entries ?? [];
  const keys = entries.filter((e) => e.type === 'privateKey');
  const trusted = entries.filter((e) => e.type === 'trustedCert').length;
  const named = keys.slice(0, KEY_PAIRS_NAMED).map((k) => (k.type === 'privateKey' ? `'${k.alias}' with ${k.chain.length} certificate${k.chain.length === 1 ? '' : 's'}` : ''));
  const more = keys.length - named.length;
  const parts = more > 0 ? [`${keys.length} key pairs (${named.join(', ')} and ${more} more)`] : named.map((n) => `key pair ${n}`);
  if (trusted) parts.push(`${trusted} trusted certificate${trusted === 1 ? '' : 's'}`);
  const what = parts.join(', ') || 'nothing';
  return `${target === 'pfx' ? 'PFX' : target.toUpperCase()}, password-protected: ${what}`;
}

function blockedReason(target: ConvertTarget, p: { chain: PlannedCert[]; key: unknown; model: KeystoreModel | null }): ErrorInfo | null {
  const openHint = 'Open the file that holds it in Inspect (a PFX or keystore with its password), then convert again.';
  if (KEY_TARGETS.has(target)) {
    return p.key ? null : { code: 'INVALID_ARGUMENT', message: `There is no private key to write as ${TARGET_WORDS[target]}.`, hint: openHint };
  }
  if (KEYSTORE_TARGETS.has(target)) {
    const entries = p.model?.entries ?? [];
    if (entries.length === 0) return { code: 'INVALID_ARGUMENT', message: `There is nothing to put in ${TARGET_WORDS[target]}: no certificate or key is open.`, hint: openHint };
    if (target !== 'pfx' && entries.some((e) => e.type === 'privateKey' && e.chain.length === 0)) {
      return { code: 'NO_MATCHING_KEY', message: 'A Java keystore needs the certificate of each private key, and none of the open certificates belongs to the key.', hint: 'Open the certificate (or CA reply) issued for this key too, or write a PFX.' };
    }
    return null;
  }
  if (p.chain.length === 0) return { code: 'INVALID_ARGUMENT', message: `There is no certificate to write as ${TARGET_WORDS[target]}.`, hint: openHint };
  return null;
}

function dropAfterLeaf(chain: PlannedCert[], leftOut: ConvertPreviewDto['leftOut'], byHash: Map<string, CollectedObject>, reason: string): void {
  for (const c of chain.splice(1)) addLeftOut(leftOut, byHash, c.der, reason);
}

function dropRoot(chain: PlannedCert[], leftOut: ConvertPreviewDto['leftOut'], byHash: Map<string, CollectedObject>): void {
  const i = chain.findIndex((c) => c.role === 'root');
  if (i > 0) for (const c of chain.splice(i, 1)) addLeftOut(leftOut, byHash, c.der, 'The root is left out: clients already trust it and servers should not send it (ask to include the root to keep it).');
}

function addLeftOut(leftOut: ConvertPreviewDto['leftOut'], byHash: Map<string, CollectedObject>, der: Uint8Array, reason: string): void {
  const o = byHash.get(certHash(der));
  if (o) leftOut.push({ objectId: o.id, label: o.row.label, reason });
}

const certHash = derSha256;
const derOf = (o: CollectedObject): Uint8Array => (o.raw.kind === 'certificate' ? o.raw.der : new Uint8Array(0));

function kindWords(kind: string): string {
  switch (kind) {
    case 'csr':
      return 'certificate requests';
    case 'crl':
      return 'revocation lists';
    case 'publicKey':
      return 'bare public keys';
    case 'ocspResponse':
      return 'OCSP responses';
    case 'secretKey':
      return 'secret keys';
    default:
      return 'this kind of object';
  }
}

/** "server.key.pem" → "server.key", "bundle.pfx" → "bundle". */
function stem(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A file name from the certificate's CN ("www.example.com"), safe on Windows and macOS. */
export function baseName(subject: string | null, label: string | null): string {
  const cn = subject?.match(/(?:^|,)CN=((?:\\.|[^,\\])*)/)?.[1]?.replace(/\\(.)/g, '$1') ?? label ?? '';
  const safe = cn
    .replace(/^\*\./, 'wildcard.')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return safe || 'certbench';
}
