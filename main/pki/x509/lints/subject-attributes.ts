/** Facts about subject attribute types that several rules share. */
import type { LintAttribute, LintInput } from './types';

/** Person-readable names of the attribute types, for messages. */
const LABELS: Record<string, string> = {
  C: 'Country (C)',
  ST: 'State or province (ST)',
  L: 'Locality (L)',
  O: 'Organization (O)',
  OU: 'Organizational unit (OU)',
  CN: 'Common name (CN)',
  emailAddress: 'Email address',
  serialNumber: 'Serial number',
};

export const label = (type: string): string => LABELS[type] ?? type;

/** The subject's CN attributes (normally one). */
export const commonNames = (input: LintInput): LintAttribute[] => input.subject.filter((a) => a.type === 'CN');

/** How a value is quoted in a message: control characters made visible, long values cut. */
export function quoted(value: string): string {
  const visible = value.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `"${visible.length > 60 ? visible.slice(0, 57) + '...' : visible}"`;
}
