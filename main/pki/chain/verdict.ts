/**
 * The one-line verdict (UX.md "status first"): "Valid chain to ISRG Root X1", "Valid chain to ISRG Root X1,
 * but the server sends the root too", "The server forgot its intermediate R11 (and 1 more problem)".
 */
import type { ChainReportDto } from '../../api/dto';
import { byImportance, type Diagnosed } from './diagnosed';
import { afterBut, plural } from './words';

export function verdictOf(valid: boolean, anchorName: string | null, problems: readonly Diagnosed[]): ChainReportDto['verdict'] {
  const sorted = [...problems].sort(byImportance);
  const errors = sorted.filter((p) => p.severity === 'error');
  const warnings = sorted.filter((p) => p.severity === 'warning');
  if (valid && errors.length === 0) {
    const to = anchorName ? `Valid chain to ${anchorName}` : 'Valid chain';
    if (warnings.length === 0) return { severity: 'success', message: to };
    const more = warnings.length > 1 ? ` (and ${plural(warnings.length - 1, 'more warning')})` : '';
    return { severity: 'warning', message: `${to}, but ${afterBut(warnings[0].headline)}${more}` };
  }
  const main = errors[0] ?? warnings[0];
  if (!main) return { severity: 'error', message: 'The chain is not valid' };
  const rest = errors.length + warnings.length - 1;
  return { severity: 'error', message: `${main.headline}${rest > 0 ? ` (and ${plural(rest, 'more problem')})` : ''}` };
}
