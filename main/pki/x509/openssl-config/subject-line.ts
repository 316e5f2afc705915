/** The subject as `openssl req -subj` takes it: "/C=US/O=Example/CN=host.example", in the form's order. */
import type { CsrSpecDto, SubjectAttributeDto } from '../../../api/dto';
import { fieldOfType } from '../subject-fields';

/** `/` ends a field, `+` joins the next one into the same RDN and `\` escapes: all three are escaped in values. */
const escapeValue = (v: string) => v.replace(/[\\/+]/g, (c) => '\\' + c);

/** The name openssl's -subj parser knows for a form type (short names; a dotted OID otherwise). */
export const subjName = (type: string) => fieldOfType(type)?.short ?? type;

export function subjectLine(spec: CsrSpecDto): string {
  return subjectLineOf(spec.subject);
}

export function subjectLineOf(subject: SubjectAttributeDto[]): string {
  return subject.map((a) => `/${subjName(a.type)}=${escapeValue(a.value)}`).join('');
}
