/** What the server sent (or the files held), in its order, each placed on the chain or marked as not needed. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ChainReportDto } from '../../../main/api/dto';
import { servedRows } from './report';
import { cnOf, ROLE_WORDS } from './words';

export function ServedList({ report }: { report: ChainReportDto }) {
  const rows = servedRows(report);
  if (rows.length === 0) return null;
  const what = report.tls ? 'What the server sent' : 'What the files hold';
  return (
    <Box component="section" aria-label={what} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper' }}>
      <Typography variant="h6" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        {what}
      </Typography>
      <Box component="ol" sx={{ m: 0, pl: 3, display: 'grid', gap: 0.5 }}>
        {rows.map((r) => (
          <Box component="li" key={`${r.sha256}-${r.position}`} data-testid="served-cert">
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {cnOf(r.subject)}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                issued by {cnOf(r.issuer)}
              </Typography>
              {r.chainIndex === null ? <Chip label="Not part of the chain" color="warning" variant="outlined" /> : <Chip label={`${ROLE_WORDS[report.chain[r.chainIndex]!.role]} on the chain`} variant="outlined" />}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
