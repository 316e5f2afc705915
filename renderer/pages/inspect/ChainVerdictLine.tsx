/** The file's chain verdict from the chain doctor, under the selected object's own verdict, with the way to the doctor. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinkIcon from '@mui/icons-material/Link';
import type { ChainVerdictDto } from '../../../main/api/dto';
import { useNavigation } from '../../frame/navigation';
import { VerdictLine } from './VerdictLine';

export function ChainVerdictLine({ verdict, fileName }: { verdict: ChainVerdictDto; fileName: string }) {
  const { navigate } = useNavigation();
  return (
    <Box data-testid="inspector-chain-verdict" data-code={verdict.code ?? undefined} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <VerdictLine testId="inspector-chain-verdict-line" verdict={{ tone: verdict.severity, text: `Chain of ${fileName}: ${verdict.message}` }} />
      <Button size="small" startIcon={<LinkIcon />} onClick={() => navigate('chain', { page: 'chain', documentIds: [verdict.documentId] })} sx={{ mt: 0.75 }}>
        Open in Chain doctor
      </Button>
    </Box>
  );
}
