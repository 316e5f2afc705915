import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import InfoIcon from '@mui/icons-material/Info';
import type { Verdict } from './verdict';

const ICONS = { success: CheckCircleIcon, warning: WarningIcon, error: ErrorIcon, info: InfoIcon };

export function VerdictLine({ verdict, testId = 'verdict' }: { verdict: Verdict; testId?: string }) {
  const Icon = ICONS[verdict.tone];
  return (
    <Box data-testid={testId} data-tone={verdict.tone} sx={{ display: 'flex', alignItems: 'center', gap: 0.75, mt: 0.75, color: `${verdict.tone}.main` }}>
      <Icon fontSize="small" />
      <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
        {verdict.text}
      </Typography>
    </Box>
  );
}
