import type { SanDto } from '../../../api/dto';
import { writeGeneralNames } from '../general-names-write';
import type { ExtensionValue } from './extension-write';

/** subjectAltName, non-critical (the subject is not empty: the form requires a CN or other subject field). */
export function subjectAltNameExtension(names: readonly SanDto[]): ExtensionValue {
  return { oid: '2.5.29.17', critical: false, value: writeGeneralNames(names) };
}
