/** One value the user copies somewhere else (a TXT value, a file's content, a URL): label, monospace text, copy button. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CopyButton } from '../../components/CopyButton';
import { MONO_FONT } from '../../theme';

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '120px 1fr auto', alignItems: 'center', gap: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography data-testid={testId} sx={{ fontFamily: MONO_FONT, fontSize: 13, overflowWrap: 'anywhere', bgcolor: 'action.hover', px: 1, py: 0.5, borderRadius: 1 }}>
        {value}
      </Typography>
      <CopyButton text={value} what={label.toLowerCase()} />
    </Box>
  );
}
