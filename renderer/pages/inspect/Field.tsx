/** A label/value row of the summary; values can be copied. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CopyButton } from '../../components/CopyButton';

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mb: 2.5 }}>
      <Typography variant="overline" color="text.secondary" component="h3" sx={{ lineHeight: 2 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}

export function Field({ label, value, copy, mono }: { label: string; value: ReactNode; copy?: string; mono?: boolean }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '170px 1fr auto', alignItems: 'center', columnGap: 1.5, minHeight: 28 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" component="div" sx={{ overflowWrap: 'anywhere', fontFamily: mono ? 'monospace' : undefined }}>
        {value}
      </Typography>
      {copy ? <CopyButton text={copy} what={label.toLowerCase()} /> : <span />}
    </Box>
  );
}
