/** Every lint rule, in the order their findings are listed (subject, names, key, signature, request, certificate). */
import { challengePassword } from './challenge-password';
import { csrSignatureInvalid } from './csr-signature-invalid';
import { ekuServerAuthNoName } from './eku-server-auth-no-name';
import { keyEcCurveP521 } from './key-ec-curve-p521';
import { keyEcCurveUnsupported } from './key-ec-curve-unsupported';
import { keyEd25519 } from './key-ed25519';
import { keyRoca } from './key-roca';
import { keyRsaTooSmall } from './key-rsa-too-small';
import { keyUsageFitsKey } from './key-usage-fits-key';
import { sanDnsInvalid } from './san-dns-invalid';
import { sanDnsUnderscore } from './san-dns-underscore';
import { sanEmailMalformed } from './san-email-malformed';
import { sanInternalName } from './san-internal-name';
import { sanIpMalformed } from './san-ip-malformed';
import { sanReservedIp } from './san-reserved-ip';
import { sanUriMalformed } from './san-uri-malformed';
import { sanWildcardPosition } from './san-wildcard-position';
import { sanWildcardTooBroad } from './san-wildcard-too-broad';
import { selfSignedValidity } from './self-signed-validity';
import { signatureWeakHash } from './signature-weak-hash';
import { subjectAttributeTooLong } from './subject-attribute-too-long';
import { subjectCnNotInSan } from './subject-cn-not-in-san';
import { subjectControlCharacters } from './subject-control-characters';
import { subjectCountryNotIso } from './subject-country-not-iso';
import { subjectEmptyValue } from './subject-empty-value';
import { subjectNoName } from './subject-no-name';
import { subjectNotPrintableString } from './subject-not-printable-string';
import type { LintRule } from './types';

export const LINT_RULES: readonly LintRule[] = [
  subjectNoName,
  subjectEmptyValue,
  subjectCountryNotIso,
  subjectAttributeTooLong,
  subjectNotPrintableString,
  subjectControlCharacters,
  subjectCnNotInSan,
  sanWildcardPosition,
  sanWildcardTooBroad,
  sanDnsInvalid,
  sanDnsUnderscore,
  sanInternalName,
  sanIpMalformed,
  sanReservedIp,
  sanEmailMalformed,
  sanUriMalformed,
  ekuServerAuthNoName,
  keyRsaTooSmall,
  keyRoca,
  keyEd25519,
  keyEcCurveP521,
  keyEcCurveUnsupported,
  keyUsageFitsKey,
  signatureWeakHash,
  challengePassword,
  csrSignatureInvalid,
  selfSignedValidity,
];
