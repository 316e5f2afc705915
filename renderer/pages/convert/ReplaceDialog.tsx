/** Files of the same name are there: replace them only when the user says so. */
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { ErrorInfo } from '../../../main/api/dto';

interface Props {
  error: ErrorInfo;
  names: string[];
  busy: boolean;
  onReplace: () => void;
  onCancel: () => void;
}

export function ReplaceDialog({ error, names, busy, onReplace, onCancel }: Props) {
  const what = names.length === 1 ? names[0]! : `${names.length} files`;
  return (
    <Dialog open onClose={busy ? undefined : onCancel} aria-labelledby="replace-title" maxWidth="sm" fullWidth>
      <DialogTitle id="replace-title">Replace {what}?</DialogTitle>
      <DialogContent>
        <DialogContentText>{error.message}</DialogContentText>
        <DialogContentText sx={{ mt: 1 }}>Replacing overwrites what is there now; the old files cannot be brought back. {error.hint}</DialogContentText>
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={onCancel} disabled={busy} autoFocus>
          Keep them
        </Button>
        <Button variant="contained" color="warning" onClick={onReplace} disabled={busy}>
          Replace
        </Button>
      </DialogActions>
    </Dialog>
  );
}
