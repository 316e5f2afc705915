import type { SanDto } from '../../../api/dto';
import { writeGeneralNames } from '../general-names-write';
import type { ExtensionValue } from './extension-write';

/** subjectAltName: critical only when the subject is empty, as RFC 5280 4.2.1.6 requires. */
export function subjectAltNameExtension(names: readonly SanDto[], subjectEmpty: boolean, firstRow = 0): ExtensionValue {
  return { oid: '2.5.29.17', critical: subjectEmpty, value: writeGeneralNames(names, firstRow) };
}
