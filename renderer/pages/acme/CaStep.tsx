/**
 * Step 1, "Which CA?": Let's Encrypt staging (preselected: for trying), production, or any ACME directory URL
 * with an optional CA certificate for its own TLS; then "Connect" reads the directory: its terms (agreed
 * explicitly) and whether it needs external account binding; the contact email.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AcmeCaDto, AcmeDirectoryDto, ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CaFileField } from './CaFileField';
import { emailProblem, type AcmeForm, type CaChoice } from './form';

interface Props {
  form: AcmeForm;
  onForm: (change: Partial<AcmeForm>) => void;
  cas: AcmeCaDto[];
  casError: ErrorInfo | null;
  directoryUrl: string | null;
  directory: AcmeDirectoryDto | null;
  reading: boolean;
  readError: ErrorInfo | null;
  onConnect: () => void;
}

const NOTES: Record<CaChoice, string> = {
  'letsencrypt-staging': 'For trying: the certificates are not trusted by browsers, and the limits are generous. Switch to production once the flow works.',
  letsencrypt: 'Trusted by browsers and servers. Rate limits apply, failed validations included: try on staging first.',
  custom: 'Any ACME CA: a private CA (step-ca, Pebble, Smallstep, an internal Boulder) or a commercial one (ZeroSSL, Google, Sectigo).',
};

/** The terms link: a web page opens in a new tab; pebble's data: URL is shown as what it says. */
function TermsLink({ url }: { url: string }) {
  if (/^https?:/i.test(url)) {
    return (
      <Link href={url} target="_blank" rel="noreferrer noopener" data-testid="acme-terms-link">
        {url}
      </Link>
    );
  }
  const text = url.startsWith('data:') ? decodeURIComponent(url.replace(/^data:[^,]*,/, '')) : url;
  return (
    <Box component="span" data-testid="acme-terms-link" sx={{ fontStyle: 'italic', overflowWrap: 'anywhere' }}>
      {text.length > 300 ? `${text.slice(0, 300)}…` : text}
    </Box>
  );
}

export function CaStep({ form, onForm, cas, casError, directoryUrl, directory, reading, readError, onConnect }: Props) {
  const choices: { id: CaChoice; name: string; url: string | null }[] = [...cas.map((c) => ({ id: c.id, name: c.name, url: c.directoryUrl })), { id: 'custom', name: 'Another ACME CA', url: null }];
  const email = emailProblem(form.email);
  const customBad = form.ca === 'custom' && form.customUrl.trim() !== '' && !directoryUrl;
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 820 }}>
      {casError && <ErrorAlert error={casError} title="The list of CAs could not be read" />}
      <FormControl>
        <FormLabel id="acme-ca">Certificate authority</FormLabel>
        <RadioGroup aria-labelledby="acme-ca" value={form.ca} onChange={(_, v) => onForm({ ca: v as CaChoice, agreed: false })}>
          {choices.map((c) => (
            <FormControlLabel
              key={c.id}
              value={c.id}
              control={<Radio />}
              sx={{ alignItems: 'flex-start', mb: 1, '& .MuiRadio-root': { pt: 0.5 } }}
              label={
                <Box>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {c.name}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {NOTES[c.id]}
                  </Typography>
                  {c.url && (
                    <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
                      {c.url}
                    </Typography>
                  )}
                </Box>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>

      {form.ca === 'letsencrypt-staging' && (
        <Alert severity="info" data-testid="acme-staging-note">
          Staging certificates are signed by an untrusted test root (“(STAGING) …”): browsers and servers will warn about them. They are for trying the flow.
        </Alert>
      )}

      {form.ca === 'custom' && (
        <Box sx={{ display: 'grid', gap: 2 }}>
          <TextField
            label="Directory URL"
            placeholder="https://acme.example.com/directory"
            value={form.customUrl}
            onChange={(e) => onForm({ customUrl: e.target.value, agreed: false })}
            error={customBad}
            helperText={customBad ? 'An https:// URL: the CA’s ACME directory.' : 'The URL the CA gives for ACME clients (certbot’s --server).'}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <CaFileField caFile={form.caFile} onCaFile={(caFile) => onForm({ caFile, agreed: false })} />
        </Box>
      )}

      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Button variant={directory ? 'outlined' : 'contained'} onClick={onConnect} disabled={!directoryUrl || reading} startIcon={reading ? <CircularProgress size={16} /> : undefined}>
          {reading ? 'Connecting…' : directory ? 'Connect again' : 'Connect to the CA'}
        </Button>
        <Typography variant="body2" color="text.secondary" data-testid="acme-connect-status" role="status">
          {directory ? `Connected: ${directory.directoryUrl}` : 'Certbench reads the CA’s directory: its terms and what it needs from you.'}
        </Typography>
      </Box>
      {readError && <ErrorAlert error={readError} title="The CA’s directory could not be read" testId="acme-directory-error" />}

      {directory && (
        <Box sx={{ display: 'grid', gap: 2 }} data-testid="acme-directory">
          {directory.termsOfService ? (
            <Box>
              <Typography variant="subtitle2">Terms of service</Typography>
              <Typography variant="body2" sx={{ mb: 0.5 }}>
                <TermsLink url={directory.termsOfService} />
              </Typography>
              <FormControlLabel control={<Checkbox checked={form.agreed} onChange={(_, agreed) => onForm({ agreed })} />} label="I have read and agree to the CA’s terms of service" />
            </Box>
          ) : (
            <Typography variant="body2" color="text.secondary">
              This CA names no terms of service.
            </Typography>
          )}
          {directory.externalAccountRequired && (
            <Box sx={{ display: 'grid', gap: 1.5 }}>
              <Alert severity="info">This CA links ACME accounts to an account you have with it (external account binding). Its dashboard gives a key ID and an HMAC key.</Alert>
              <TextField label="EAB key ID" value={form.eabKid} onChange={(e) => onForm({ eabKid: e.target.value })} autoComplete="off" />
              <TextField label="EAB HMAC key" value={form.eabHmacKey} onChange={(e) => onForm({ eabHmacKey: e.target.value })} autoComplete="off" type="password" helperText="Base64url, as the CA shows it." />
            </Box>
          )}
          {directory.website && (
            <Typography variant="body2" color="text.secondary">
              The CA’s site:{' '}
              <Link href={directory.website} target="_blank" rel="noreferrer noopener">
                {directory.website}
              </Link>
            </Typography>
          )}
        </Box>
      )}

      <TextField
        label="Email (optional)"
        type="email"
        value={form.email}
        onChange={(e) => onForm({ email: e.target.value })}
        error={email !== null}
        helperText={email ?? 'The CA writes here about problems with your account or certificates.'}
        sx={{ maxWidth: 420 }}
      />
    </Box>
  );
}
