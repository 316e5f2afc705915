/**
 * The SAN list with `cnAsSan` applied, exactly as the CSR writer applies it (requested-extensions.ts): configs
 * and commands carry the result, because openssl has no such switch. Where the writer refuses (a CN that is not
 * a host name), the config and commands show the SANs without it: the lints say why, and csr.create refuses.
 */
import type { CsrSpecDto, SanDto } from '../../../api/dto';
import { isPkiError } from '../../errors';
import { subjectAltNames } from '../requested-extensions';

export function sansWithCn(spec: CsrSpecDto): SanDto[] {
  try {
    return subjectAltNames(spec);
  } catch (e) {
    if (isPkiError(e)) return [...spec.san];
    throw e;
  }
}
