/**
 * RFC 5280 4.2.1.10 / 6.1.3 (b)(c), 6.1.4 (g): permitted and excluded subtrees for directoryName, dNSName,
 * rfc822Name, uniformResourceIdentifier and iPAddress, accumulated down the path.
 *
 * Permitted subtrees are kept as layers (one per CA that set some) instead of being intersected: a name must
 * fall inside some subtree of its own form in every layer that constrains that form. Excluded subtrees simply
 * add up. Both give RFC 5280's answer without computing intersections of DNS or IP sets.
 */
import { children, contextNumber, oidOf, readTlv, stringOf, value, type Tlv } from '../der/der';
import { EXT, type ChainCert } from './chain-cert';
import { describeCert } from './cert-checks';
import { commonNames, hostIp, ipText } from './hostname';
import { rdnKey } from './name-key';

type Form = 'dns' | 'email' | 'uri' | 'ip' | 'dn';

type Subtree =
  | { form: 'dns' | 'email' | 'uri'; text: string }
  | { form: 'ip'; address: Uint8Array; mask: Uint8Array }
  /** RDN keys of the base name, most significant first. */
  | { form: 'dn'; rdns: string[]; text: string };

/** The state 6.1.2 (b)(c) starts with and 6.1.4 (g) narrows. */
export interface NameConstraintState {
  /** Opaque to callers: owned by this module. */
  readonly kind: 'name-constraints';
  readonly permitted: readonly { by: string; subtrees: readonly Subtree[] }[];
  readonly excluded: readonly { by: string; subtree: Subtree }[];
}

/** A name of a certificate to check, by form. */
type SubjectName =
  | { form: 'dns' | 'email' | 'uri'; text: string }
  | { form: 'ip'; address: Uint8Array }
  | { form: 'dn'; rdns: string[]; text: string };

const EMAIL_ADDRESS = '1.2.840.113549.1.9.1';
const FORMS: Record<number, Form> = { 1: 'email', 2: 'dns', 4: 'dn', 6: 'uri', 7: 'ip' };
const FORM_WORDS: Record<Form, string> = { dns: 'DNS name', email: 'email address', uri: 'URI', ip: 'IP address', dn: 'directory name' };

export function initialNameConstraints(): NameConstraintState {
  return { kind: 'name-constraints', permitted: [], excluded: [] };
}

function latin1(v: Uint8Array): string {
  let s = '';
  for (let i = 0; i < v.length; i++) s += String.fromCharCode(v[i]);
  return s;
}

function rdnKeys(name: Tlv): string[] {
  return children(name, 'name').map(rdnKey);
}

/** One GeneralSubtree's base as a Subtree; null for a form Certbench does not process (otherName, x400, EDI, registeredID). */
function subtreeOf(base: Tlv): Subtree | null {
  const form = FORMS[contextNumber(base)];
  switch (form) {
    case 'dns':
    case 'uri':
      return { form, text: latin1(value(base)).toLowerCase() };
    case 'email':
      return { form, text: latin1(value(base)) };
    case 'ip': {
      const v = value(base);
      const half = v.length / 2;
      return { form: 'ip', address: v.subarray(0, half), mask: v.subarray(half) };
    }
    case 'dn': {
      const inner = readTlv(base.bytes, base.valueStart, base.end, 'directoryName constraint');
      return { form: 'dn', rdns: rdnKeys(inner), text: stringOfName(inner) };
    }
    default:
      return null;
  }
}

function stringOfName(name: Tlv): string {
  return children(name, 'name')
    .map((rdn) => children(rdn, 'name attribute').map((atv) => {
      const [type, val] = children(atv, 'name attribute');
      return `${oidOf(type)}=${val && val.tag < 0x20 ? stringOf(val) : '#'}`;
    }).join('+'))
    .join(',');
}

interface ReadConstraints {
  permitted: Subtree[];
  excluded: Subtree[];
  permittedPresent: boolean;
  excludedPresent: boolean;
  /** Base forms that were present but not processed. */
  unsupported: number[];
}

function readConstraints(cert: ChainCert): ReadConstraints | null {
  const ext = cert.extensions.get(EXT.nameConstraints);
  if (!ext) return null;
  const out: ReadConstraints = { permitted: [], excluded: [], permittedPresent: false, excludedPresent: false, unsupported: [] };
  for (const subtrees of children(ext.value, 'name constraints')) {
    const which = contextNumber(subtrees);
    if (which === 0) out.permittedPresent = true;
    if (which === 1) out.excludedPresent = true;
    for (const subtree of children(subtrees, 'general subtree')) {
      const base = readTlv(subtree.bytes, subtree.valueStart, subtree.end, 'general subtree');
      const s = subtreeOf(base);
      if (!s) out.unsupported.push(contextNumber(base));
      else (which === 0 ? out.permitted : out.excluded).push(s);
    }
  }
  return out;
}

const GENERAL_NAME_WORDS: Record<number, string> = { 0: 'otherName', 3: 'x400Address', 5: 'ediPartyName', 8: 'registeredID' };

/**
 * What is wrong with a certificate's nameConstraints extension itself: on an end entity (only CAs may carry it),
 * with no subtrees at all, with a malformed DNS or IP base, or, when critical, with a form Certbench cannot check.
 */
export function constraintExtensionProblems(cert: ChainCert, isEndEntity: boolean): string[] {
  const ext = cert.extensions.get(EXT.nameConstraints);
  if (!ext) return [];
  const who = describeCert(cert);
  if (isEndEntity || cert.basicConstraints?.ca !== true) return [`${who} has a name constraints extension but is not a CA (RFC 5280 4.2.1.10)`];
  const read = readConstraints(cert)!;
  const out: string[] = [];
  if (read.permitted.length + read.excluded.length + read.unsupported.length === 0)
    out.push(`${who} has a name constraints extension with no permitted or excluded subtrees (RFC 5280 4.2.1.10)`);
  for (const s of [...read.permitted, ...read.excluded]) {
    if (s.form === 'dns' && s.text !== '' && !validDnsConstraint(s.text)) out.push(`${who} has the malformed DNS name constraint "${s.text}"`);
    if (s.form === 'ip' && (![4, 16].includes(s.address.length) || !contiguous(s.mask)))
      out.push(`${who} has a malformed IP name constraint (${s.address.length * 2} bytes${[4, 16].includes(s.address.length) ? ', mask not contiguous' : ''}; it must be an address and a contiguous mask)`);
  }
  if (ext.critical && read.unsupported.length)
    out.push(`${who} has critical name constraints on ${[...new Set(read.unsupported)].map((n) => GENERAL_NAME_WORDS[n] ?? `[${n}]`).join(', ')} names, which Certbench cannot check`);
  return out;
}

/** The state after a CA certificate's nameConstraints extension. */
export function narrowNameConstraints(state: NameConstraintState, cert: ChainCert): NameConstraintState {
  const read = readConstraints(cert);
  if (!read) return state;
  const by = describeCert(cert);
  return {
    kind: 'name-constraints',
    permitted: read.permittedPresent ? [...state.permitted, { by, subtrees: read.permitted }] : state.permitted,
    excluded: [...state.excluded, ...read.excluded.map((subtree) => ({ by, subtree }))],
  };
}

/**
 * Checks `cert`'s subject and SAN names against the state; a reason per violation (empty = allowed). For the
 * leaf (`isLeaf`) without DNS or IP SANs, a CN that is a host name counts as a DNS name (or IP address).
 */
export function checkNameConstraints(state: NameConstraintState, cert: ChainCert, isLeaf = false): string[] {
  if (state.permitted.length === 0 && state.excluded.length === 0) return [];
  const who = describeCert(cert);
  const out: string[] = [];
  for (const name of namesOf(cert, isLeaf)) {
    const shown = showName(name);
    const invalid = invalidName(name);
    for (const layer of state.permitted) {
      const same = layer.subtrees.filter((s) => s.form === name.form);
      if (same.length === 0) continue;
      if (invalid) out.push(`${who}: the ${FORM_WORDS[name.form]} ${shown} is malformed (${invalid}), so it cannot be inside the names ${layer.by} permits`);
      else if (!same.some((s) => within(name, s))) out.push(`${who}: the ${FORM_WORDS[name.form]} ${shown} is outside the names ${layer.by} permits (${same.map(showSubtree).join(', ')})`);
    }
    for (const { by, subtree } of state.excluded) {
      if (subtree.form !== name.form) continue;
      if (invalid) out.push(`${who}: the ${FORM_WORDS[name.form]} ${shown} is malformed (${invalid}), so it cannot be checked against the names ${by} excludes`);
      else if (within(name, subtree) || wildcardReaches(name, subtree)) out.push(`${who}: the ${FORM_WORDS[name.form]} ${shown} is within ${showSubtree(subtree)}, which ${by} excludes`);
    }
  }
  return [...new Set(out)];
}

function namesOf(cert: ChainCert, isLeaf: boolean): SubjectName[] {
  const out: SubjectName[] = [];
  if (!cert.emptySubject) out.push({ form: 'dn', rdns: rdnKeys(cert.fields.subject), text: cert.subject });
  // emailAddress in the subject DN is an rfc822 name for constraints (RFC 5280 4.2.1.10).
  for (const rdn of children(cert.fields.subject, 'name')) {
    for (const atv of children(rdn, 'name attribute')) {
      const [type, val] = children(atv, 'name attribute');
      if (type && val && oidOf(type) === EMAIL_ADDRESS) out.push({ form: 'email', text: stringOf(val) });
    }
  }
  const san = cert.extensions.get(EXT.subjectAltName);
  if (san) {
    for (const gn of children(san.value, 'subject alternative name')) {
      const form = FORMS[contextNumber(gn)];
      if (form === 'dns' || form === 'email' || form === 'uri') out.push({ form, text: latin1(value(gn)) });
      else if (form === 'ip') out.push({ form, address: value(gn) });
      else if (form === 'dn') {
        const inner = readTlv(gn.bytes, gn.valueStart, gn.end, 'directoryName');
        out.push({ form, rdns: rdnKeys(inner), text: stringOfName(inner) });
      }
    }
  }
  // Host names fall back to the CN when there are no DNS/IP SANs (hostname.ts), so the CN must then obey the
  // DNS and IP constraints too, or a constrained CA could name any host that way (OpenSSL and Go do the same).
  if (isLeaf && !out.some((n) => n.form === 'dns' || n.form === 'ip')) {
    for (const cn of commonNames(cert)) {
      const ip = hostIp(cn);
      if (ip) out.push({ form: 'ip', address: ip });
      else if (validHost(cn, true) && cn.includes('.')) out.push({ form: 'dns', text: cn });
    }
  }
  return out;
}

function showName(name: SubjectName): string {
  if (name.form === 'ip') return name.address.length === 4 || name.address.length === 16 ? ipText(name.address) : `<${name.address.length} bytes>`;
  return `"${name.text}"`;
}

function showSubtree(s: Subtree): string {
  if (s.form === 'ip') return `${ipText(s.address)}/${prefixLength(s.mask)}`;
  return s.text === '' ? '(any)' : s.text;
}

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i;

function validHost(name: string, allowWildcard: boolean): boolean {
  const n = name.endsWith('.') ? name.slice(0, -1) : name;
  if (n === '' || n.length > 253) return false;
  const labels = n.split('.');
  return labels.every((l, i) => LABEL.test(l) || (allowWildcard && i === 0 && l === '*' && labels.length > 1));
}

function validDnsConstraint(text: string): boolean {
  return validHost(text.startsWith('.') ? text.slice(1) : text, false);
}

function invalidName(name: SubjectName): string | null {
  if (name.form === 'dns') return validHost(name.text, true) ? null : 'not a valid host name';
  if (name.form === 'ip') return name.address.length === 4 || name.address.length === 16 ? null : `${name.address.length} bytes, not 4 or 16`;
  if (name.form === 'email') return /^[^@]+@[^@]+$/.test(name.text) ? null : 'not a mailbox';
  if (name.form === 'uri') return uriHost(name.text) === null ? 'no host' : null;
  return null;
}

/** The host of a URI ("https://user@Host.Example:443/x" → "host.example"); null when it has none. */
function uriHost(uri: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)/i.exec(uri);
  if (!m || m[1] === '') return null;
  return m[1].toLowerCase();
}

/** DNS: "example.com" covers itself and every name under it; ".example.com" only names under it. */
function dnsWithin(host: string, constraint: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  const c = constraint.replace(/\.$/, '');
  if (c === '') return true;
  if (c.startsWith('.')) return h.endsWith(c);
  return h === c || h.endsWith('.' + c);
}

/**
 * For excluded subtrees only: a wildcard SAN "*.example.com" also names "bad.example.com", so an excluded
 * "bad.example.com" catches it (as Chrome does; OpenSSL compares the wildcard as a literal label).
 */
function wildcardReaches(name: SubjectName, s: Subtree): boolean {
  if (name.form !== 'dns' || s.form !== 'dns' || !name.text.startsWith('*.')) return false;
  const base = name.text.slice(2).toLowerCase().replace(/\.$/, '');
  const c = s.text.replace(/\.$/, '');
  if (c === '' || c.startsWith('.')) return false;
  const dot = c.indexOf('.');
  return dot > 0 && c.slice(dot + 1) === base;
}

function within(name: SubjectName, s: Subtree): boolean {
  if (name.form === 'dns' && s.form === 'dns') return dnsWithin(name.text, s.text);
  if (name.form === 'uri' && s.form === 'uri') {
    const host = uriHost(name.text);
    if (host === null) return false;
    return s.text.startsWith('.') ? host.endsWith(s.text) : host === s.text;
  }
  if (name.form === 'email' && s.form === 'email') {
    const at = name.text.lastIndexOf('@');
    const local = name.text.slice(0, at);
    const host = name.text.slice(at + 1).toLowerCase();
    const c = s.text.toLowerCase();
    if (c.includes('@')) {
      // A mailbox: the local part compares exactly, the host without case (RFC 5280 4.2.1.10, 7.5).
      const cAt = s.text.lastIndexOf('@');
      return local === s.text.slice(0, cAt) && host === c.slice(cAt + 1);
    }
    return c.startsWith('.') ? host.endsWith(c) : host === c;
  }
  if (name.form === 'ip' && s.form === 'ip') {
    if (name.address.length !== s.address.length) return false;
    return name.address.every((b, i) => (b & s.mask[i]) === (s.address[i] & s.mask[i]));
  }
  if (name.form === 'dn' && s.form === 'dn') return s.rdns.length <= name.rdns.length && s.rdns.every((r, i) => r === name.rdns[i]);
  return false;
}

function contiguous(mask: Uint8Array): boolean {
  let zero = false;
  for (const b of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const one = (b >> bit) & 1;
      if (one && zero) return false;
      if (!one) zero = true;
    }
  }
  return true;
}

function prefixLength(mask: Uint8Array): number {
  let n = 0;
  for (const b of mask) for (let bit = 7; bit >= 0; bit--) n += (b >> bit) & 1;
  return n;
}
