/** The frame every keystore action dialog shares: title, body, the call's error, Cancel and the action. */
import type { FormEvent, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import type { ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  title: string;
  children: ReactNode;
  submitLabel: string;
  /** Why the action cannot run yet: the button stays disabled (the reason shows where the field is). */
  blocked?: boolean;
  busy: boolean;
  error: ErrorInfo | null;
  onSubmit: () => void;
  onCancel: () => void;
  maxWidth?: 'xs' | 'sm' | 'md';
}

export function FormDialog({ title, children, submitLabel, blocked = false, busy, error, onSubmit, onCancel, maxWidth = 'sm' }: Props) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!busy && !blocked) onSubmit();
  };
  return (
    <Dialog open onClose={busy ? undefined : onCancel} maxWidth={maxWidth} fullWidth aria-labelledby="form-dialog-title">
      <Box component="form" onSubmit={submit} noValidate>
        <DialogTitle id="form-dialog-title">{title}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          {children}
          {error && <ErrorAlert error={error} />}
          {busy && <LinearProgress aria-label="Working" />}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy || blocked}>
            {submitLabel}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
