/** Revocation answers per certificate: the status, how it was asked (OCSP, stapled, CRL), freshness and the URL. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ChainReportDto } from '../../../main/api/dto';
import { formatDate } from '../inspect/words';
import { revocationRows } from './report';
import { cnOf, revocationTone, revocationWords } from './words';

export function RevocationPanel({ report }: { report: ChainReportDto }) {
  const rows = revocationRows(report);
  if (rows.length === 0) return null;
  return (
    <Box component="section" aria-label="Revocation" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper', display: 'grid', gap: 1 }}>
      <Typography variant="h6" component="h3" sx={{ fontWeight: 700 }}>
        Revocation
      </Typography>
      {rows.map(({ index, cert }) => {
        const r = cert.revocation!;
        const tone = revocationTone(r);
        return (
          <Box key={index} data-testid="revocation-row" data-status={r.status} sx={{ borderLeft: 4, borderColor: tone === 'info' ? 'divider' : `${tone}.main`, pl: 1.25 }}>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="body2" sx={{ fontWeight: 700 }}>
                {cnOf(cert.subject)}
              </Typography>
              <Chip label={revocationWords(r)} color={tone === 'info' ? 'default' : tone} variant="outlined" />
            </Box>
            <Typography variant="body2" color="text.secondary">
              {r.detail}
              {r.thisUpdate ? ` · produced ${formatDate(r.thisUpdate)}` : ''}
              {r.nextUpdate ? ` · next update ${formatDate(r.nextUpdate)}` : ''}
            </Typography>
            {r.url && (
              <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {r.url}
              </Typography>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
