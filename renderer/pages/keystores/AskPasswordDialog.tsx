/** Asks for a password to open something (a keystore, a key entry); a wrong one keeps the dialog open with why. */
import { useState, type FormEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { ErrorInfo } from '../../../main/api/dto';
import { PasswordField } from './PasswordField';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  title: string;
  description: ReactNode;
  label: string;
  submitLabel: string;
  /** Answers the error to show, or null when done (the caller closes the dialog). */
  onSubmit: (password: string) => Promise<ErrorInfo | null>;
  onCancel: () => void;
}

export function AskPasswordDialog({ title, description, label, submitLabel, onSubmit, onCancel }: Props) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [attempts, setAttempts] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const failure = await onSubmit(password);
    setBusy(false);
    if (failure) {
      setError(failure);
      setAttempts((n) => n + 1);
    }
  };

  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth="xs" fullWidth aria-labelledby="ask-password-title">
      <Box component="form" onSubmit={(e) => void submit(e)}>
        <DialogTitle id="ask-password-title" sx={{ overflowWrap: 'anywhere' }}>
          {title}
        </DialogTitle>
        <DialogContent>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {description}
          </Typography>
          <PasswordField autoFocus label={label} value={password} onChange={setPassword} readOnly={busy} />
          {error && <ErrorAlert error={error} />}
          {attempts > 1 && (
            <Typography variant="caption" color="text.secondary">
              {attempts} attempts so far.
            </Typography>
          )}
          {busy && <LinearProgress sx={{ mt: 1 }} aria-label="Trying the password" />}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
