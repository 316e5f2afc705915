/** What Save wrote, and what comes next: send the CSR, then "I got my certificate back". */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import LockIcon from '@mui/icons-material/LockOutlined';
import type { WrittenFileDto } from '../../../main/api/dto';
import { MONO_FONT } from '../../theme';
import { count } from './problems';

interface Props {
  written: WrittenFileDto[];
  folder: string;
  selfSigned: boolean;
  onCaReply: () => void;
  onAnother: () => void;
}

const fileName = (path: string) => path.split(/[\\/]/).pop() ?? path;

export function SavedView({ written, folder, selfSigned, onCaReply, onAnother }: Props) {
  const csr = written.find((w) => w.path.endsWith('.csr'));
  return (
    <Box sx={{ display: 'grid', gap: 2.5, maxWidth: 820 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <CheckIcon color="success" sx={{ mt: 0.5 }} />
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="h6" component="p" color="success.main" sx={{ fontWeight: 700 }} data-testid="saved-verdict">
            Saved {count(written.length, 'file')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            in <span data-testid="saved-folder" style={{ fontFamily: MONO_FONT }}>{folder}</span>
          </Typography>
        </Box>
      </Box>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5 }}>
        {written.map((w) => (
          <Box component="li" key={w.path} data-testid="written-file" title={w.path} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
            <Typography sx={{ fontFamily: MONO_FONT, fontSize: 13, overflowWrap: 'anywhere' }}>{fileName(w.path)}</Typography>
            {w.secret && <LockIcon fontSize="small" color="action" titleAccess="Readable by you only (0600)" />}
            {w.secret && (
              <Typography variant="caption" color={w.encrypted ? 'text.secondary' : 'warning.main'}>
                {w.encrypted ? 'encrypted, owner only' : 'NOT encrypted, owner only'}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
      {!selfSigned && (
        <Typography>
          Send {csr ? <code>{fileName(csr.path)}</code> : 'the CSR'} to your CA. When the certificate comes back, choose “I got my certificate back”: Certbench finds this key and writes a PFX, the PEM set or a Java keystore.
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1 }}>
        {!selfSigned && (
          <Button variant="contained" onClick={onCaReply}>
            I got my certificate back
          </Button>
        )}
        <Button variant="outlined" onClick={onAnother}>
          Make another CSR
        </Button>
      </Box>
    </Box>
  );
}
