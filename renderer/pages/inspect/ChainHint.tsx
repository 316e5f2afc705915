/** The cheap per-file chain verdict ("The issuer of CN=x is not in this file"), until the chain doctor. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningIcon from '@mui/icons-material/WarningAmber';
import InfoIcon from '@mui/icons-material/InfoOutlined';

import type { ChainHintDto } from '../../../main/api/dto';

const ICONS = { success: CheckCircleIcon, warning: WarningIcon, error: ErrorIcon, info: InfoIcon };

export function ChainHint({ hint }: { hint: ChainHintDto }) {
  const Icon = ICONS[hint.severity];
  return (
    <Box data-testid="chain-hint" data-tone={hint.severity} sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.75, px: 1.5, py: 0.75, color: `${hint.severity}.main` }}>
      <Icon sx={{ fontSize: 16, mt: '1px' }} />
      <Typography variant="caption" sx={{ fontWeight: 600 }}>
        {hint.message}
      </Typography>
    </Box>
  );
}
