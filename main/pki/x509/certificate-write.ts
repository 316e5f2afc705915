/** Self-signed X.509 certificates from the same form as a CSR (issue 12). Owner: csr-engine. */
import type { CsrSpecDto, SelfSignDto } from '../../api/dto';
import { PkiError } from '../errors';

/** A self-signed certificate (DER) valid from `now` for `days`; random 16-byte positive serial; SKI/AKI. */
export function writeSelfSigned(spec: CsrSpecDto, pkcs8: Uint8Array, options: SelfSignDto & { now?: Date }): Uint8Array {
  void spec;
  void pkcs8;
  void options;
  throw new PkiError('INTERNAL', 'Self-signed certificates are being built.', 'Not available yet.');
}
