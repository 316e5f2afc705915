/**
 * The subject as the form holds it: one row per attribute in the order it will be written, the seven usual
 * fields always present (empty until typed, and left out of the CSR while empty) in the conventional order
 * C, ST, L, O, OU, CN, emailAddress; attributes an imported config adds (serialNumber, DC …) keep their place.
 */
import type { SubjectAttributeDto } from '../../../main/api/dto';

export interface SubjectField {
  type: string;
  /** What people call it. */
  label: string;
  /** Under the field while it has nothing to say. */
  helper: string;
}

export const SUBJECT_FIELDS: readonly SubjectField[] = [
  { type: 'C', label: 'Country (two letters)', helper: 'ISO 3166 code, such as US, DE or GB.' },
  { type: 'ST', label: 'State or province', helper: 'Written out in full: Minnesota, not MN.' },
  { type: 'L', label: 'City', helper: '' },
  { type: 'O', label: 'Organization (legal name)', helper: 'As registered: the CA may check it.' },
  { type: 'OU', label: 'Department', helper: 'Public CAs no longer include it; leave it empty for them.' },
  { type: 'CN', label: 'Common name (the name users type)', helper: 'A host name (shop.example.com), or for a client certificate the user id or email.' },
  { type: 'emailAddress', label: 'Email', helper: 'Rarely wanted in a server certificate.' },
];

const RANK = new Map(SUBJECT_FIELDS.map((f, i) => [f.type, i]));

/** The subject with every usual field present, inserted where convention puts it among what is there. */
export function withUsualFields(subject: readonly SubjectAttributeDto[]): SubjectAttributeDto[] {
  const rows = subject.map((a) => ({ ...a }));
  for (const field of SUBJECT_FIELDS) {
    if (rows.some((r) => r.type === field.type)) continue;
    const rank = RANK.get(field.type)!;
    // After the last row of a usual field that comes before it, else at the top.
    let at = 0;
    rows.forEach((r, i) => {
      const other = RANK.get(r.type);
      if (other !== undefined && other < rank) at = i + 1;
    });
    rows.splice(at, 0, { type: field.type, value: '' });
  }
  return rows;
}

/** The row a usual field edits: the first of its type. */
export function rowOf(subject: readonly SubjectAttributeDto[], type: string): number {
  return subject.findIndex((r) => r.type === type);
}

/** Rows the usual fields do not show: other types, and repeats of a usual type (a second OU). */
export function extraRows(subject: readonly SubjectAttributeDto[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  subject.forEach((r, i) => {
    if (RANK.has(r.type) && !seen.has(r.type)) seen.add(r.type);
    else out.push(i);
  });
  return out;
}

/** What the CSR says: the rows with a value, in order (an empty RDN is never written). */
export function subjectOf(subject: readonly SubjectAttributeDto[]): SubjectAttributeDto[] {
  return subject.filter((r) => r.value.trim() !== '').map((r) => ({ type: r.type, value: r.value.trim() }));
}

/** The form row behind `spec.subject[n]` (the lints' 'subject.N'). */
export function formRowOfSpecIndex(subject: readonly SubjectAttributeDto[], n: number): number | null {
  let seen = -1;
  for (let i = 0; i < subject.length; i++) {
    if (subject[i]!.value.trim() === '') continue;
    seen += 1;
    if (seen === n) return i;
  }
  return null;
}

export function setRow(subject: readonly SubjectAttributeDto[], row: number, value: string): SubjectAttributeDto[] {
  return subject.map((r, i) => (i === row ? { ...r, value } : r));
}

export function valueOf(subject: readonly SubjectAttributeDto[], type: string): string {
  return subject.find((r) => r.type === type)?.value.trim() ?? '';
}
