/** What to check: the server field with its Check button, and the advanced options folded under it. */
import type { FormEvent } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import CheckIcon from '@mui/icons-material/TravelExplore';
import type { ChainPurpose, RevocationMode, StarttlsProtocol } from '../../../main/api/dto';
import type { ChainForm } from './form';
import { parseTarget } from './target';

interface Props {
  form: ChainForm;
  onChange: (patch: Partial<ChainForm>) => void;
  onCheck: () => void;
  running: boolean;
  /** Why Check cannot run yet (shown once something was typed or Check was pressed). */
  blocker: string | null;
  showBlocker: boolean;
}

const STARTTLS: { value: StarttlsProtocol | ''; label: string }[] = [
  { value: '', label: 'None: TLS from the first byte' },
  { value: 'smtp', label: 'SMTP' },
  { value: 'imap', label: 'IMAP' },
  { value: 'pop3', label: 'POP3' },
  { value: 'ftp', label: 'FTP' },
  { value: 'ldap', label: 'LDAP' },
  { value: 'postgres', label: 'PostgreSQL' },
];

const REVOCATION: { value: RevocationMode; label: string }[] = [
  { value: 'none', label: 'Do not check' },
  { value: 'ocsp', label: 'OCSP' },
  { value: 'crl', label: 'CRL' },
  { value: 'both', label: 'OCSP and CRL' },
];

const PURPOSES: { value: ChainPurpose; label: string }[] = [
  { value: 'serverAuth', label: 'TLS server (HTTPS, mail, LDAP …)' },
  { value: 'clientAuth', label: 'TLS client (mutual TLS)' },
];

export function CheckForm({ form, onChange, onCheck, running, blocker, showBlocker }: Props) {
  const target = form.target.trim() ? parseTarget(form.target) : null;
  const targetProblem = target && !target.ok ? target.message : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onCheck();
  };
  const schemeStarttls = target?.ok ? target.starttls : null;
  return (
    <Box component="form" onSubmit={submit} aria-label="What to check" sx={{ display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          label="Server (host:port)"
          placeholder="shop.example.com, 127.0.0.1:8443, https://shop.example.com/ or [::1]:8443"
          value={form.target}
          onChange={(e) => onChange({ target: e.target.value })}
          error={targetProblem !== null}
          helperText={targetProblem ?? (target?.ok ? `Connects to ${target.host.includes(':') ? `[${target.host}]` : target.host}, port ${target.port}${schemeStarttls ? `, STARTTLS ${schemeStarttls}` : ''}` : 'Leave empty to check files only. The port is 443 unless you give one.')}
          autoComplete="off"
          spellCheck={false}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'chain-target' } }}
        />
        <Button type="submit" variant="contained" size="large" startIcon={<CheckIcon />} disabled={running} sx={{ mt: 0.5, whiteSpace: 'nowrap' }}>
          Check
        </Button>
      </Box>
      {showBlocker && blocker && !targetProblem && (
        <Typography variant="body2" color="warning.main" data-testid="chain-blocker">
          {blocker}
        </Typography>
      )}
      <Accordion disableGutters variant="outlined" sx={{ borderRadius: 2, '&:before': { display: 'none' } }}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="chain-advanced" id="chain-advanced-head">
          <Typography variant="subtitle2">Advanced options</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>
            SNI, STARTTLS, name, purpose, time, downloads, revocation
          </Typography>
        </AccordionSummary>
        <AccordionDetails id="chain-advanced" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
          <TextField label="Server name sent (SNI)" helperText="When it differs from the host (a server reached by its address)." value={form.servername} onChange={(e) => onChange({ servername: e.target.value })} autoComplete="off" spellCheck={false} />
          <TextField select label="STARTTLS" value={form.starttls || (schemeStarttls ?? '')} onChange={(e) => onChange({ starttls: e.target.value as StarttlsProtocol | '' })} helperText="Mail, LDAP and database servers that upgrade a plain connection." slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
            {STARTTLS.map((s) => (
              <MenuItem key={s.value} value={s.value}>
                {s.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField label="Name to check" helperText="The name clients use; default: the server's host. None for files." value={form.hostName} onChange={(e) => onChange({ hostName: e.target.value })} autoComplete="off" spellCheck={false} />
          <TextField select label="Purpose" value={form.purpose} onChange={(e) => onChange({ purpose: e.target.value as ChainPurpose })}>
            {PURPOSES.map((p) => (
              <MenuItem key={p.value} value={p.value}>
                {p.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label="Validate at"
            type="datetime-local"
            value={form.at}
            onChange={(e) => onChange({ at: e.target.value })}
            helperText="Empty: now. A past or future moment, to ask “was it valid then?”"
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField select label="Revocation" value={form.revocation} onChange={(e) => onChange({ revocation: e.target.value as RevocationMode })} helperText="Asks the CA's OCSP responder or downloads its CRL.">
            {REVOCATION.map((r) => (
              <MenuItem key={r.value} value={r.value}>
                {r.label}
              </MenuItem>
            ))}
          </TextField>
          <FormControlLabel control={<Switch checked={form.fetchMissing} onChange={(e) => onChange({ fetchMissing: e.target.checked })} />} label="Fetch missing intermediates (AIA)" />
        </AccordionDetails>
      </Accordion>
    </Box>
  );
}
