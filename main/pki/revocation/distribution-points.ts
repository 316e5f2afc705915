/**
 * CRL scope, as RFC 5280 6.3.3 (b) compares it: a certificate's cRLDistributionPoints and a CRL's
 * issuingDistributionPoint, with names reduced to comparison keys (directory names through nameKey, a name
 * relative to the CRL issuer joined to that issuer first) and reasons to a bit mask.
 */
import { children, contextNumber, hex, readRoot, readTlv, value, type Tlv } from '../der/der';
import { sequence, tlv } from '../der/write';
import { EXT, type ChainCert } from '../chain/chain-cert';
import { nameKey } from '../chain/name-key';

/** ReasonFlags bits 1..8 (keyCompromise .. aACompromise); bit 0 is "unused". */
export const ALL_REASONS = 0x1fe;
export const REASON_FLAG_NAMES = ['unused', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'certificateHold', 'privilegeWithdrawn', 'aACompromise'];

export interface DistributionPoint {
  /** Keys of the distribution point's names; null when the DP has no distributionPoint field. */
  names: Set<string> | null;
  /** ReasonFlags as a mask; null = all reasons. */
  reasons: number | null;
  /** Keys of the cRLIssuer names; null when absent (the certificate's issuer signs the CRL). */
  crlIssuer: Set<string> | null;
}

export interface IssuingDistributionPoint {
  names: Set<string> | null;
  onlyUserCerts: boolean;
  onlyCaCerts: boolean;
  onlyAttributeCerts: boolean;
  /** null = all reasons. */
  onlySomeReasons: number | null;
  indirect: boolean;
  /** The extension's DER, to compare a delta CRL's scope with its complete CRL's. */
  der: string;
}

/** The certificate's distribution points; null when it has no cRLDistributionPoints extension. */
export function certDistributionPoints(cert: ChainCert): DistributionPoint[] | null {
  const ext = cert.extensions.get(EXT.crlDistributionPoints);
  if (!ext) return null;
  return children(ext.value, 'distribution point').map((dp) => {
    const point: DistributionPoint = { names: null, reasons: null, crlIssuer: null };
    let nameField: Tlv | null = null;
    let crlIssuerField: Tlv | null = null;
    for (const field of children(dp, 'distribution point')) {
      const n = contextNumber(field);
      if (n === 0) nameField = field;
      else if (n === 1) point.reasons = reasonMask(field);
      else if (n === 2) crlIssuerField = field;
    }
    if (crlIssuerField) point.crlIssuer = new Set(children(crlIssuerField, 'CRL issuer').map(generalNameKey));
    // A name relative to the CRL issuer: the cRLIssuer's directory name when given, else the certificate's issuer.
    if (nameField) point.names = distributionPointNames(nameField, crlIssuerField ? firstDirectoryName(crlIssuerField) : cert.fields.issuer);
    return point;
  });
}

export function readIssuingDistributionPoint(ext: Tlv, crlIssuer: Tlv): IssuingDistributionPoint {
  const idp: IssuingDistributionPoint = { names: null, onlyUserCerts: false, onlyCaCerts: false, onlyAttributeCerts: false, onlySomeReasons: null, indirect: false, der: hex(value(ext)) };
  for (const field of children(ext, 'issuing distribution point')) {
    const n = contextNumber(field);
    const flag = () => value(field)[0] !== 0;
    if (n === 0) idp.names = distributionPointNames(field, crlIssuer);
    else if (n === 1) idp.onlyUserCerts = flag();
    else if (n === 2) idp.onlyCaCerts = flag();
    else if (n === 3) idp.onlySomeReasons = reasonMask(field);
    else if (n === 4) idp.indirect = flag();
    else if (n === 5) idp.onlyAttributeCerts = flag();
  }
  return idp;
}

/** Names of reasons in a mask, for messages. */
export function reasonNames(mask: number): string[] {
  return REASON_FLAG_NAMES.filter((_, i) => i > 0 && mask & (1 << i));
}

/** A GeneralName as a comparison key: directory names by nameKey, every other kind by its exact bytes. */
export function generalNameKey(name: Tlv): string {
  if (contextNumber(name) === 4) return `dn:${nameKey(children(name, 'directory name')[0])}`;
  return `${name.tag.toString(16)}:${hex(value(name))}`;
}

/** The directory names of a GeneralNames field, as keys. */
export function directoryNameKeys(generalNames: Tlv): Set<string> {
  return new Set(children(generalNames, 'general names').filter((g) => contextNumber(g) === 4).map(generalNameKey));
}

/** DistributionPointName: [0] fullName GeneralNames or [1] nameRelativeToCRLIssuer (joined to `issuer`). */
function distributionPointNames(field: Tlv, issuer: Tlv | null): Set<string> {
  const choice = readTlv(field.bytes, field.valueStart, field.end, 'distribution point name');
  if (contextNumber(choice) === 0) return new Set(children(choice, 'full name').map(generalNameKey));
  if (!issuer) return new Set();
  // Name ::= SEQUENCE OF RDN; the relative RDN is an implicitly tagged SET, re-tagged as one.
  const joined = sequence(...children(issuer, 'name').map((rdn) => rdn.bytes.subarray(rdn.start, rdn.end)), tlv(0x31, value(choice)));
  return new Set([`dn:${nameKey(readRoot(joined, 'distribution point name'))}`]);
}

function firstDirectoryName(generalNames: Tlv): Tlv | null {
  const dn = children(generalNames, 'CRL issuer').find((g) => contextNumber(g) === 4);
  return dn ? children(dn, 'directory name')[0] : null;
}

function reasonMask(bitString: Tlv): number {
  const bits = value(bitString).subarray(1);
  let mask = 0;
  for (let i = 0; i < 9; i++) if ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) mask |= 1 << i;
  return mask;
}
