/** The lints about one input, as its helper text: the worst colours the field, each says its rule. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { CsrProblemDto } from '../../../main/api/dto';
import { bySeverity } from './problems';

export interface FieldHelp {
  error: boolean;
  helperText: ReactNode;
  /** Warnings colour the helper text without marking the field as wrong. */
  color?: 'warning.main' | 'info.main';
}

export function fieldHelp(problems: readonly CsrProblemDto[] | undefined, fallback: ReactNode = ''): FieldHelp {
  if (!problems || problems.length === 0) return { error: false, helperText: fallback };
  const sorted = bySeverity(problems);
  const error = sorted[0]!.severity === 'error';
  return {
    error,
    color: error ? undefined : sorted[0]!.severity === 'warning' ? 'warning.main' : 'info.main',
    helperText: (
      <Box component="span" data-testid="field-problems" data-severity={sorted[0]!.severity} sx={{ display: 'grid' }}>
        {sorted.map((p, i) => (
          <span key={i}>
            {p.message}
            {p.rule ? ` (${p.rule})` : ''}
          </span>
        ))}
      </Box>
    ),
  };
}

/** Props for a TextField from fieldHelp. */
export function helpProps(help: FieldHelp) {
  return {
    error: help.error,
    helperText: help.helperText,
    slotProps: { formHelperText: { sx: help.color ? { color: help.color } : undefined } },
  } as const;
}
