/**
 * Adds a folder, a file or a server to the watchlist. In the desktop app the path comes from the native
 * dialog (which lets main read it); in the browser the path is typed, and main accepts it only inside a folder
 * the host was started with.
 */
import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ErrorInfo, StarttlsProtocol, WatchTargetInput } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EMPTY_ADD_FORM, inputOf, type AddForm, type TargetKind } from './targets';

const STARTTLS: { value: StarttlsProtocol | ''; label: string }[] = [
  { value: '', label: 'None: TLS from the first byte' },
  { value: 'smtp', label: 'SMTP' },
  { value: 'imap', label: 'IMAP' },
  { value: 'pop3', label: 'POP3' },
  { value: 'ftp', label: 'FTP' },
  { value: 'ldap', label: 'LDAP' },
  { value: 'postgres', label: 'PostgreSQL' },
];

interface Props {
  initialKind: TargetKind;
  /** The desktop app's native dialogs; null in the browser (the path is typed). */
  pickPath: ((kind: 'file' | 'folder') => Promise<string | null>) | null;
  busy: boolean;
  error: ErrorInfo | null;
  onAdd: (input: WatchTargetInput) => void;
  onClose: () => void;
}

export function AddTargetDialog({ initialKind, pickPath, busy, error, onAdd, onClose }: Props) {
  const [form, setForm] = useState<AddForm>({ ...EMPTY_ADD_FORM, kind: initialKind });
  const [tried, setTried] = useState(false);
  const change = (patch: Partial<AddForm>) => setForm((f) => ({ ...f, ...patch }));
  const outcome = inputOf(form);
  const problem = tried || (form.kind === 'endpoint' && form.location.trim()) ? outcome.problem : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (outcome.input) onAdd(outcome.input);
  };
  const pick = async () => {
    if (!pickPath || form.kind === 'endpoint') return;
    const path = await pickPath(form.kind);
    if (path) change({ location: path });
  };
  const isPath = form.kind !== 'endpoint';
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="expiry-add-title" maxWidth="sm" fullWidth>
      <Box component="form" onSubmit={submit}>
        <DialogTitle id="expiry-add-title">Watch for expiry</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <ToggleButtonGroup exclusive size="small" value={form.kind} onChange={(_, kind: TargetKind | null) => kind && change({ kind, location: '' })} aria-label="What to watch">
            <ToggleButton value="folder">A folder</ToggleButton>
            <ToggleButton value="file">A file</ToggleButton>
            <ToggleButton value="endpoint">A server</ToggleButton>
          </ToggleButtonGroup>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
            <TextField
              autoFocus
              label={form.kind === 'folder' ? 'Folder' : form.kind === 'file' ? 'File' : 'Server (host:port)'}
              placeholder={form.kind === 'endpoint' ? 'shop.example.com:443, smtp://mail.example.com, [::1]:8443' : form.kind === 'folder' ? '/etc/ssl/certs' : '/opt/app/keystore.jks'}
              value={form.location}
              onChange={(e) => change({ location: e.target.value })}
              error={problem !== null}
              helperText={
                problem ??
                (isPath
                  ? pickPath
                    ? 'Choose it with the button, or type its full path.'
                    : 'Its full path on this computer, inside the folder Certbench was started with.'
                  : 'The port is 443 unless you give one; smtp:// and the like use STARTTLS.')
              }
              autoComplete="off"
              spellCheck={false}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { 'data-testid': 'expiry-add-location' } }}
            />
            {isPath && pickPath && (
              <Button variant="outlined" onClick={() => void pick()} sx={{ mt: 1, whiteSpace: 'nowrap' }}>
                Choose…
              </Button>
            )}
          </Box>
          {form.kind === 'folder' && <FormControlLabel control={<Switch checked={form.recursive} onChange={(e) => change({ recursive: e.target.checked })} />} label="Include subfolders" />}
          {form.kind === 'endpoint' && (
            <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
              <TextField label="Server name sent (SNI)" helperText="When it differs from the host." value={form.servername} onChange={(e) => change({ servername: e.target.value })} autoComplete="off" spellCheck={false} />
              <TextField select label="STARTTLS" value={form.starttls} onChange={(e) => change({ starttls: e.target.value as StarttlsProtocol | '' })} helperText="Mail, LDAP and database servers." slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
                {STARTTLS.map((s) => (
                  <MenuItem key={s.value} value={s.value}>
                    {s.label}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
          )}
          <TextField label="Label (optional)" placeholder="Payments prod" value={form.label} onChange={(e) => change({ label: e.target.value })} helperText="Your own name for it in lists and reports." slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'expiry-add-label' } }} />
          {isPath && (
            <TextField
              label="Keystore password (optional)"
              type="password"
              value={form.password}
              onChange={(e) => change({ password: e.target.value })}
              helperText="For PFX and keystores that need one to show their certificates. Kept in the key vault, never written to the watchlist."
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': 'expiry-add-password' } }}
            />
          )}
          {error && <ErrorAlert error={error} title="Could not add it" testId="expiry-add-error" />}
          {!isPath && (
            <Typography variant="caption" color="text.secondary">
              Every scan connects to the server and reads the certificates it sends.
            </Typography>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy} data-testid="expiry-add-submit">
            Add to watchlist
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
