/** The chain as it will be written, leaf at the top, each certificate with its role and expiry. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { PlannedCertDto } from '../../../main/api/dto';
import { formatDate } from '../inspect/words';

const ROLE_WORDS: Record<PlannedCertDto['role'], string> = { leaf: 'Leaf', intermediate: 'Intermediate', root: 'Root' };

export function ChainList({ chain }: { chain: PlannedCertDto[] }) {
  if (chain.length === 0) return null;
  return (
    <Box component="ol" aria-label="Chain, leaf to root" data-testid="chain-order" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5 }}>
      {chain.map((c, i) => (
        <Box component="li" key={c.objectId} data-role={c.role} sx={{ display: 'flex', alignItems: 'center', gap: 1, pl: i * 2 }}>
          <Typography variant="caption" color="text.secondary" sx={{ width: 16, textAlign: 'right' }}>
            {i + 1}.
          </Typography>
          <Chip label={ROLE_WORDS[c.role]} variant="outlined" color={c.role === 'leaf' ? 'primary' : 'default'} sx={{ minWidth: 92 }} />
          <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap title={c.subject}>
            {c.label}
          </Typography>
          {c.notAfter && (
            <Typography variant="caption" color="text.secondary" noWrap>
              expires {formatDate(c.notAfter)}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
