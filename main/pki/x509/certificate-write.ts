/** Self-signed X.509 certificates from the same form as a CSR (issue 12). Owner: csr-engine. */
import type { CsrSpecDto, KeyUsageName, SelfSignDto } from '../../api/dto';
import { privateKeyFacts, randomBytes } from '../crypto';
import * as der from '../der/write';
import { PkiError } from '../errors';
import { authorityKeyIdentifierExtension } from './extensions/authority-key-identifier-write';
import { basicConstraintsExtension } from './extensions/basic-constraints-write';
import { writeExtensions } from './extensions/extension-write';
import { keyIdentifier, subjectKeyIdentifierExtension } from './extensions/subject-key-identifier-write';
import { writeName } from './name-write';
import { requestedExtensions } from './requested-extensions';
import { signatureAlgorithm, signed } from './sign';
import { writeTime } from './time-write';

const DAY_MS = 86_400_000;
/** The last second RFC 5280 4.1.2.5 can express (GeneralizedTime 99991231235959Z). */
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59);
/** A start before 1950 is a wrong clock or a typo, not a lab certificate. */
const FIRST = Date.UTC(1950, 0, 1);

/** 16 random bytes, top bit clear (positive) and first byte non-zero (no shorter minimal encoding): RFC 5280 4.1.2.2. */
function serialNumber(): Uint8Array {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  if (bytes[0] === 0) bytes[0] = 0x01;
  return der.integer(bytes);
}

function validity(now: Date, days: number): Uint8Array {
  if (!Number.isInteger(days) || days < 1) {
    throw new PkiError('INVALID_ARGUMENT', `The certificate cannot be valid for ${days} days.`, 'Give a whole number of days, 1 or more (365 is a year).');
  }
  const from = Math.floor(now.getTime() / 1000) * 1000;
  if (Number.isNaN(from) || from < FIRST) throw new PkiError('INVALID_ARGUMENT', 'The start date is not a valid date from 1950 on.', 'Leave it out to start now, and check the computer\'s clock.');
  const to = from + days * DAY_MS;
  if (to > LAST) throw new PkiError('INVALID_ARGUMENT', `${days} days from now is after the year 9999.`, 'Choose fewer days.');
  return der.sequence(writeTime(new Date(from)), writeTime(new Date(to)));
}

function caKeyUsage(usages: readonly KeyUsageName[]): KeyUsageName[] {
  return [...new Set<KeyUsageName>([...usages, 'keyCertSign', 'cRLSign'])];
}

/**
 * A self-signed certificate (DER) valid from `now` for `days`; random 16-byte positive serial; SKI/AKI.
 *
 * v3, issuer = subject, extensions in this order: basicConstraints (critical; CA:TRUE with the path length for
 * a CA, CA:FALSE otherwise: `openssl req -x509` with Debian's default config writes CA:TRUE even for a server,
 * which browsers reject for a leaf), subjectAltName, keyUsage (a CA adds keyCertSign and cRLSign and marks it
 * critical, CA/B BR 7.1.2.10.7), extendedKeyUsage, subjectKeyIdentifier (SHA-1 `hash`), authorityKeyIdentifier
 * (keyid only, as OpenSSL's `keyid:always` for a self-signed certificate).
 */
export function writeSelfSigned(spec: CsrSpecDto, pkcs8: Uint8Array, options: SelfSignDto & { now?: Date }): Uint8Array {
  const { days, ca, pathLength } = options;
  if (pathLength !== undefined && pathLength !== null && (!ca || !Number.isInteger(pathLength) || pathLength < 0)) {
    throw new PkiError(
      'INVALID_ARGUMENT',
      ca ? `The path length ${pathLength} is not a whole number of 0 or more.` : 'A path length is set on a certificate that is not a CA.',
      ca ? 'Use 0 for a CA that signs only end-entity certificates, or leave it out.' : 'Leave the path length out, or make the certificate a CA.',
    );
  }
  const algorithm = signatureAlgorithm(pkcs8, spec.signatureHash ?? 'sha256');
  const { spki } = privateKeyFacts(pkcs8);
  const name = writeName(spec.subject);
  const keyId = keyIdentifier(spki);
  const extensions = [
    basicConstraintsExtension(ca, pathLength ?? undefined),
    ...requestedExtensions(spec, ca ? { keyUsage: caKeyUsage(spec.keyUsage), keyUsageCritical: true } : {}),
    subjectKeyIdentifierExtension(spki),
    authorityKeyIdentifierExtension(keyId),
  ];
  const tbs = der.sequence(
    der.explicit(0, der.integer(2)),
    serialNumber(),
    algorithm.identifier,
    name,
    validity(options.now ?? new Date(), days),
    name,
    spki,
    der.explicit(3, writeExtensions(extensions)),
  );
  return signed(tbs, pkcs8, algorithm);
}
