/** The file's chain verdict from the chain doctor, under the selected object's own verdict, with the way to the doctor. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import InfoIcon from '@mui/icons-material/Info';
import type { ChainVerdictDto } from '../../../main/api/dto';
import { useNavigation } from '../../frame/navigation';

const ICONS = { success: CheckCircleIcon, warning: WarningIcon, error: ErrorIcon, info: InfoIcon };

export function ChainVerdictLine({ verdict, fileName }: { verdict: ChainVerdictDto; fileName: string }) {
  const { navigate } = useNavigation();
  const Icon = ICONS[verdict.severity];
  return (
    <Box data-testid="inspector-chain-verdict" data-tone={verdict.severity} data-code={verdict.code ?? undefined} sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.75, mt: 0.5, color: `${verdict.severity}.main` }}>
      <Icon sx={{ fontSize: 18, mt: '2px', flexShrink: 0 }} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" component="span" sx={{ fontWeight: 600, mr: 1 }}>
          Chain of {fileName}: {verdict.message}
        </Typography>
        <Button size="small" onClick={() => navigate('chain', { page: 'chain', documentIds: [verdict.documentId] })} sx={{ py: 0, verticalAlign: 'baseline' }}>
          Open in Chain doctor
        </Button>
      </Box>
    </Box>
  );
}
