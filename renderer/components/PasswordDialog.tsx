/** Asks for the password of a locked document; a wrong one keeps the dialog open with main's message. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import type { ProgressEvent } from '../../main/api/contract';
import type { DocumentDto } from '../../main/api/dto';

interface Props {
  doc: DocumentDto;
  busy: boolean;
  progress: ProgressEvent | null;
  onUnlock: (password: string) => void;
  onCancel: () => void;
  /** Stops waiting for a slow unlock; the file stays locked. */
  onStop: () => void;
}

export function PasswordDialog({ doc, busy, progress, onUnlock, onCancel, onStop }: Props) {
  const [password, setPassword] = useState('');
  const [visible, setVisible] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const lock = doc.lock;
  const attempts = lock?.attempts ?? 0;
  // After a wrong password the field keeps focus with the text selected: type to replace it, or fix a typo.
  useEffect(() => {
    if (busy || attempts === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [attempts, busy]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy) onUnlock(password);
  };

  const wrong = lock?.reason === 'WRONG_PASSWORD';
  return (
    // Focus goes where the page sends it on close (the result, or the file), not back to where it was.
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="xs" fullWidth aria-labelledby="password-title" disableRestoreFocus>
      <Box component="form" onSubmit={submit}>
        <DialogTitle id="password-title" sx={{ overflowWrap: 'anywhere' }}>
          Password for {doc.name}
        </DialogTitle>
        <DialogContent>
          {wrong ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="password-error">
              {lock.message}
              {attempts > 0 && (
                <Typography variant="caption" component="div" sx={{ mt: 0.5 }}>
                  {attempts === 1 ? '1 attempt so far.' : `${attempts} attempts so far.`} {lock.hint}
                </Typography>
              )}
            </Alert>
          ) : (
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {lock?.message ?? 'This file is protected by a password.'} {lock?.hint}
            </Typography>
          )}
          <TextField
            autoFocus
            inputRef={input}
            fullWidth
            label="Password"
            type={visible ? 'text' : 'password'}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="off"
            slotProps={{
              // Read-only, not disabled, while trying: a disabled field would drop the focus.
              htmlInput: { readOnly: busy },
              input: {
                endAdornment: (
                  <InputAdornment position="end">
                    <IconButton aria-label={visible ? 'Hide password' : 'Show password'} onClick={() => setVisible((v) => !v)} edge="end">
                      {visible ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
                    </IconButton>
                  </InputAdornment>
                ),
              },
            }}
          />
          {busy && (
            <Box sx={{ mt: 2 }} role="status">
              <LinearProgress variant={progress?.fraction != null ? 'determinate' : 'indeterminate'} value={(progress?.fraction ?? 0) * 100} />
              <Typography variant="caption" color="text.secondary">
                {progress?.label ?? 'Trying the password…'}
              </Typography>
            </Box>
          )}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          {busy ? (
            <Button onClick={onStop} disabled={!progress}>
              Stop
            </Button>
          ) : (
            <Button onClick={onCancel}>Cancel</Button>
          )}
          <Button type="submit" variant="contained" disabled={busy}>
            Unlock
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
