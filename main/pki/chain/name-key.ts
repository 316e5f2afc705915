/**
 * Name comparison keys (RFC 5280 7.1 / 4.1.2.4): two names are the same when their keys are equal.
 * STUB (owner: chain-validator): today the key is the hex of the DER; it must become case-insensitive and
 * whitespace-collapsing for the string types RFC 5280 says so (PKITS 4.3 name chaining tests).
 */
import { hex, whole, type Tlv } from '../der/der';

export function nameKey(name: Tlv): string {
  return hex(whole(name));
}
