/**
 * The SAN list with `cnAsSan` applied, as the CSR writer applies it: the last (most specific) CN first, as
 * an IP or DNS name, when it is not listed already and looks like a host name. Configs and commands carry the
 * result, because openssl has no such switch.
 */
import { isIP } from 'node:net';
import type { CsrSpecDto, SanDto } from '../../../api/dto';
import { fieldOfType } from './dn-fields';

const HOST_NAME = /^[A-Za-z0-9*_-]+(\.[A-Za-z0-9_-]+)*\.?$/;

export function sansWithCn(spec: CsrSpecDto): SanDto[] {
  if (!spec.cnAsSan) return [...spec.san];
  const cn = [...spec.subject].reverse().find((a) => fieldOfType(a.type)?.oid === '2.5.4.3')?.value;
  if (!cn) return [...spec.san];
  const asSan: SanDto = isIP(cn) ? { type: 'IP', value: cn } : { type: 'DNS', value: cn };
  if (asSan.type === 'DNS' && !HOST_NAME.test(cn)) return [...spec.san];
  const same = (s: SanDto) => s.type === asSan.type && s.value.toLowerCase() === asSan.value.toLowerCase();
  return spec.san.some(same) ? [...spec.san] : [asSan, ...spec.san];
}
