/** What was written: the verdict, each file, and a one-click re-open in Inspect to verify it. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import VerifyIcon from '@mui/icons-material/FactCheckOutlined';
import type { WrittenFileDto } from '../../../main/api/dto';
import { MONO_FONT } from '../../theme';
import { VerdictLine } from '../inspect/VerdictLine';
import { baseName, resultWords, writtenWords } from './words';

interface Props {
  written: WrittenFileDto[];
  folder: string | null;
  onVerify: () => void;
  verifying: boolean;
  onAgain: () => void;
  onAnother: () => void;
}

export function ResultView({ written, folder, onVerify, verifying, onAgain, onAnother }: Props) {
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 900 }} data-testid="convert-result">
      <VerdictLine testId="result-verdict" verdict={{ tone: 'success', text: resultWords(written, folder) }} />
      <List aria-label="Written files" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'background.paper' }}>
        {written.map((f) => (
          <ListItem key={f.path} data-testid="written-file" data-secret={f.secret || undefined}>
            <ListItemText primary={baseName(f.path)} secondary={writtenWords(f)} title={f.path} slotProps={{ primary: { sx: { fontFamily: MONO_FONT, fontSize: 13, fontWeight: 600, overflowWrap: 'anywhere' } } }} />
          </ListItem>
        ))}
      </List>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="contained" startIcon={<VerifyIcon />} onClick={onVerify} disabled={verifying}>
          Open in Inspect to verify
        </Button>
        <Button variant="outlined" onClick={onAgain}>
          Convert the same to something else
        </Button>
        <Button onClick={onAnother}>Start over</Button>
      </Box>
    </Box>
  );
}
