/** RFC 5280 4.1.2.5 Time: UTCTime for 1950 through 2049, GeneralizedTime otherwise, always UTC to the second. */
import * as der from '../der/write';

const two = (n: number) => String(n).padStart(2, '0');

export function writeTime(date: Date): Uint8Array {
  const y = date.getUTCFullYear();
  const rest = two(date.getUTCMonth() + 1) + two(date.getUTCDate()) + two(date.getUTCHours()) + two(date.getUTCMinutes()) + two(date.getUTCSeconds()) + 'Z';
  const utc = y >= 1950 && y < 2050;
  return der.tlv(utc ? 0x17 : 0x18, new TextEncoder().encode(utc ? two(y % 100) + rest : String(y).padStart(4, '0') + rest));
}
