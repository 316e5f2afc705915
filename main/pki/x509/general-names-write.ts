/** GeneralName writer (RFC 5280 4.2.1.6) for the SAN types a CSR form offers: DNS, IP, email, URI. */
import type { SanDto } from '../../api/dto';
import * as der from '../der/write';
import { PkiError } from '../errors';
import { parseIpAddress } from './ip-address';

const ASCII = /^[\x00-\x7f]*$/;

const LABELS: Record<SanDto['type'], string> = { DNS: 'DNS name', IP: 'IP address', email: 'email address', URI: 'URI' };

function invalid(index: number, san: SanDto, message: string, hint: string): PkiError {
  return new PkiError('INVALID_ARGUMENT', `Alternative name ${index + 1} (${san.type}): ${message}`, hint);
}

/** An IA5String name (dNSName [2], rfc822Name [1], URI [6]): not empty, ASCII only. */
function ia5(tag: number, san: SanDto, index: number): Uint8Array {
  const label = LABELS[san.type];
  if (san.value.length === 0) throw invalid(index, san, `the ${label} is empty.`, `Type the ${label}, or remove the empty row.`);
  if (/\s/.test(san.value)) throw invalid(index, san, `the ${label} "${san.value}" contains a space.`, `Remove the spaces; a ${label} has none.`);
  if (!ASCII.test(san.value)) {
    const hint = san.type === 'URI' ? 'Percent-encode the non-ASCII characters.' : 'Use the ASCII (xn--) form of an internationalized domain name.';
    throw invalid(index, san, `the ${label} "${san.value}" holds non-ASCII characters, which an IA5String cannot.`, hint);
  }
  return der.implicitPrimitive(tag, new TextEncoder().encode(san.value));
}

/** One name; `index` is its row in the form (0-based), named 1-based in errors. */
export function writeGeneralName(san: SanDto, index: number): Uint8Array {
  if (typeof san?.value !== 'string') throw new PkiError('INVALID_ARGUMENT', `Alternative name ${index + 1} has no value.`, 'Type a value, or remove the row.');
  switch (san.type) {
    case 'DNS':
      return ia5(2, san, index);
    case 'email':
      return ia5(1, san, index);
    case 'URI':
      return ia5(6, san, index);
    case 'IP': {
      const bytes = parseIpAddress(san.value);
      if (!bytes) throw invalid(index, san, `"${san.value}" is not an IPv4 or IPv6 address.`, 'Write it as 192.0.2.10 or 2001:db8::10; put host names in a DNS entry.');
      return der.implicitPrimitive(7, bytes);
    }
    default:
      throw new PkiError('INVALID_ARGUMENT', `Alternative name ${index + 1} has the unknown type "${String((san as { type?: unknown }).type)}".`, 'Use DNS, IP, email or URI.');
  }
}

/** GeneralNames ::= SEQUENCE OF GeneralName, in the order given; errors count rows from `firstRow`. */
export function writeGeneralNames(names: readonly SanDto[], firstRow = 0): Uint8Array {
  return der.sequence(...names.map((n, i) => writeGeneralName(n, i + firstRow)));
}
