import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import InfoIcon from '@mui/icons-material/Info';
import type { Verdict } from './verdict';

const ICONS = { success: CheckCircleIcon, warning: WarningIcon, error: ErrorIcon, info: InfoIcon };

/** A one-line verdict in its tone's colour: large under a detail pane's title, `dense` under a file's name. */
export function VerdictLine({ verdict, testId = 'verdict', dense = false }: { verdict: Verdict; testId?: string; dense?: boolean }) {
  const Icon = ICONS[verdict.tone];
  return (
    <Box
      data-testid={testId}
      data-tone={verdict.tone}
      sx={{ display: 'flex', alignItems: dense ? 'flex-start' : 'center', gap: 0.75, ...(dense ? { px: 1.5, py: 0.75 } : { mt: 0.75 }), color: `${verdict.tone}.main` }}
    >
      <Icon fontSize="small" sx={dense ? { fontSize: 16, mt: '1px' } : undefined} />
      <Typography variant={dense ? 'caption' : 'subtitle1'} sx={{ fontWeight: dense ? 600 : 700 }}>
        {verdict.text}
      </Typography>
    </Box>
  );
}
