/**
 * One name's challenge: what to place and where (file name, content and URL, or TXT name and value, each with a
 * copy button), what Certbench serves itself, the last live check, and the CA's own error when it failed.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { AcmeAuthorizationDto, AcmeChallengeMode } from '../../../main/api/dto';
import { CopyField } from './CopyField';
import { authorizationTone, timeWords } from './words';

const AUTH_LABEL: Record<AcmeAuthorizationDto['status'], string> = {
  pending: 'To prove',
  valid: 'Proven',
  invalid: 'Failed',
  deactivated: 'Cancelled',
  expired: 'Expired',
  revoked: 'Revoked',
};

export function ChallengeCard({ auth, mode }: { auth: AcmeAuthorizationDto; mode: AcmeChallengeMode }) {
  const c = auth.challenge;
  const tone = authorizationTone(auth.status);
  const open = auth.status === 'pending' && c?.status === 'pending';
  return (
    <Paper variant="outlined" component="li" aria-label={`Challenge for ${auth.domain}`} data-testid="acme-challenge" data-domain={auth.domain} data-status={auth.status} sx={{ p: 2, display: 'grid', gap: 1.5, listStyle: 'none' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
          {auth.domain}
        </Typography>
        <Chip size="small" label={AUTH_LABEL[auth.status]} color={tone} variant={tone === 'default' ? 'outlined' : 'filled'} data-testid="acme-challenge-status" />
        {c && <Chip size="small" variant="outlined" label={c.type.toUpperCase()} />}
      </Box>
      {!c && <Typography color="text.secondary">Waiting for the CA’s challenge…</Typography>}
      {c && open && c.type === 'dns-01' && c.txtName && c.txtValue && (
        <Box sx={{ display: 'grid', gap: 0.75 }}>
          <Typography variant="body2">Add this TXT record at your DNS provider (keep any other value already there for the same name):</Typography>
          <CopyField label="TXT name" value={c.txtName} testId="acme-txt-name" />
          <CopyField label="TXT value" value={c.txtValue} testId="acme-txt-value" />
        </Box>
      )}
      {c && open && c.type === 'http-01' && mode !== 'serve' && (
        <Box sx={{ display: 'grid', gap: 0.75 }}>
          <Typography variant="body2">Put a file on the web server at {auth.domain}, so that the URL answers with exactly this content (plain text, no redirect to HTTPS needed):</Typography>
          {c.url && <CopyField label="URL" value={c.url} testId="acme-http-url" />}
          {c.fileName && <CopyField label="File name" value={c.fileName} testId="acme-http-file" />}
          {c.fileContent && <CopyField label="Content" value={c.fileContent} testId="acme-http-content" />}
        </Box>
      )}
      {c && c.type === 'http-01' && mode === 'serve' && auth.status === 'pending' && (
        <Typography variant="body2" color="text.secondary">
          Certbench answers {c.url ?? 'the CA’s request'} itself.
        </Typography>
      )}
      {c?.check && (
        <Alert severity={c.check.ok ? 'success' : 'warning'} data-testid="acme-check" data-ok={String(c.check.ok)} sx={{ '& .MuiAlert-message': { minWidth: 0 } }}>
          {c.check.message}
          {c.check.seen.length > 0 && (
            <Box component="span" sx={{ display: 'block', fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>
              Found: {c.check.seen.join(' · ')}
            </Box>
          )}
          <Box component="span" sx={{ display: 'block', fontSize: 12, opacity: 0.8 }}>
            Checked at {timeWords(c.check.at)} UTC
          </Box>
        </Alert>
      )}
      {c?.error && (
        <Alert severity="error" data-testid="acme-challenge-error">
          The CA says: {c.error}
        </Alert>
      )}
    </Paper>
  );
}
