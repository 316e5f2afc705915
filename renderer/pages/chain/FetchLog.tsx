/** Every download the doctor made (issuers from AIA, OCSP, CRLs): what was asked, where, and what came back. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import OkIcon from '@mui/icons-material/CheckCircleOutlined';
import FailIcon from '@mui/icons-material/HighlightOff';
import type { FetchAttemptDto } from '../../../main/api/dto';
import { FETCH_KIND_WORDS } from './words';

export function FetchLog({ fetched }: { fetched: FetchAttemptDto[] }) {
  if (fetched.length === 0) return null;
  return (
    <Box component="section" aria-label="Downloads" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper' }}>
      <Typography variant="h6" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        Downloads
      </Typography>
      <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.75 }}>
        {fetched.map((f, i) => (
          <Box component="li" key={`${f.url}-${i}`} data-testid="fetch-attempt" data-kind={f.kind} data-ok={f.ok} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            {f.ok ? <OkIcon fontSize="small" color="success" titleAccess="Downloaded" /> : <FailIcon fontSize="small" color="error" titleAccess="Failed" />}
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2">
                <strong>{FETCH_KIND_WORDS[f.kind]}</strong>{' '}
                <Box component="span" sx={{ overflowWrap: 'anywhere' }}>
                  {f.url}
                </Box>
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {f.detail}
              </Typography>
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
