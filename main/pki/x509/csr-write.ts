/** PKCS#10 certification requests from the form (issue 12). Owner: csr-engine. */
import type { CsrSpecDto } from '../../api/dto';
import { PkiError } from '../errors';

/**
 * The CSR (DER) for `spec`, signed with `pkcs8`; applies `cnAsSan`. INVALID_ARGUMENT for a value that cannot be
 * encoded (malformed IP, unknown attribute type); the lints say more, before this is called.
 */
export function writeCsr(spec: CsrSpecDto, pkcs8: Uint8Array): Uint8Array {
  void spec;
  void pkcs8;
  throw new PkiError('INTERNAL', 'CSR writing is being built.', 'Not available yet.');
}
