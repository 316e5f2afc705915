/**
 * The New CSR form: everything the wizard edits, what it becomes as a csr.check / csr.create request, and
 * how a template or an imported config file fills it.
 */
import type { CsrConfigImportDto, CsrSpecDto, CsrTemplateDto, KeyChoiceDto, KeySpecName, KeyUsageName, SanDto, SelfSignDto, SignatureHash, SubjectAttributeDto } from '../../../main/api/dto';
import { sanOf } from './names';
import { subjectOf, withUsualFields } from './subject';

export interface CsrForm {
  subject: SubjectAttributeDto[];
  san: SanDto[];
  cnAsSan: boolean;
  keyUsage: KeyUsageName[];
  keyUsageCritical: boolean;
  extendedKeyUsage: string[];
  challengePassword: string;
  signatureHash: SignatureHash;
  key: KeyChoiceDto;
  /** "Make a self-signed certificate instead": its settings, or null for a CSR. */
  selfSign: SelfSignDto | null;
  /** Where the form came from, for the page's status ("TLS server behind a load balancer", "server.cnf"). */
  origin: string | null;
  purpose: CsrTemplateDto['purpose'];
}

export const DEFAULT_KEY: KeySpecName = 'rsa:2048';
export const DEFAULT_SELF_SIGN: SelfSignDto = { days: 365, ca: false };

export const EMPTY_FORM: CsrForm = {
  subject: withUsualFields([]),
  san: [],
  cnAsSan: true,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  keyUsageCritical: false,
  extendedKeyUsage: ['serverAuth'],
  challengePassword: '',
  signatureHash: 'sha256',
  key: { generate: DEFAULT_KEY },
  selfSign: null,
  origin: null,
  purpose: 'custom',
};

function fromSpec(spec: CsrSpecDto): Pick<CsrForm, 'subject' | 'san' | 'cnAsSan' | 'keyUsage' | 'keyUsageCritical' | 'extendedKeyUsage' | 'challengePassword' | 'signatureHash'> {
  return {
    subject: withUsualFields(spec.subject),
    san: spec.san.map((s) => ({ ...s })),
    cnAsSan: spec.cnAsSan,
    keyUsage: [...spec.keyUsage],
    keyUsageCritical: spec.keyUsageCritical === true,
    extendedKeyUsage: [...spec.extendedKeyUsage],
    challengePassword: spec.challengePassword ?? '',
    signatureHash: spec.signatureHash,
  };
}

/** A template fills the form; a key chosen from the open files (the Inspector's "Make a CSR for this key") stays. */
export function formFromTemplate(template: CsrTemplateDto, current: CsrForm = EMPTY_FORM): CsrForm {
  const key = 'objectId' in current.key ? current.key : { generate: template.key };
  return { ...fromSpec(template.spec), key, selfSign: null, origin: template.name, purpose: template.purpose };
}

/** An imported config replaces the form; the key it names wins, else the key already chosen stays. */
export function formFromImport(imported: CsrConfigImportDto, fileName: string, current: CsrForm): CsrForm {
  // A file serves both a CSR and `req -x509` (FIELD-NOTES): its days and CA setting fill a self-signed choice the user made, never make one.
  const selfSign = current.selfSign && imported.selfSign ? { ...current.selfSign, ...imported.selfSign } : current.selfSign;
  return { ...fromSpec(imported.spec), key: imported.key ? { generate: imported.key } : current.key, selfSign, origin: fileName, purpose: 'custom' };
}

/** The form as the CSR spec: empty fields and rows left out, the challenge password only when typed. */
export function specOf(form: CsrForm): CsrSpecDto {
  return {
    subject: subjectOf(form.subject),
    san: sanOf(form.san),
    cnAsSan: form.cnAsSan,
    keyUsage: [...form.keyUsage],
    ...(form.keyUsageCritical ? { keyUsageCritical: true } : {}),
    extendedKeyUsage: [...form.extendedKeyUsage],
    ...(form.challengePassword !== '' ? { challengePassword: form.challengePassword } : {}),
    signatureHash: form.signatureHash,
  };
}

export interface CsrRequest {
  spec: CsrSpecDto;
  key: KeyChoiceDto;
  selfSign?: SelfSignDto;
}

export function requestOf(form: CsrForm): CsrRequest {
  return { spec: specOf(form), key: form.key, ...(form.selfSign ? { selfSign: form.selfSign } : {}) };
}

/** The key spec a template is saved with: the new key chosen, else the default. */
export function keySpecOf(form: CsrForm): KeySpecName {
  return 'generate' in form.key ? form.key.generate : DEFAULT_KEY;
}

export function toggled<T>(list: readonly T[], item: T, on: boolean): T[] {
  return on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
}
