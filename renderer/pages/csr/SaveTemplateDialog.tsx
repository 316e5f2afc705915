/** "Save as template": the form (without the key itself) under a name, in the app's data folder. */
import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Props {
  initialName: string;
  error: ErrorInfo | null;
  onSave: (name: string, description: string) => Promise<boolean>;
  onClose: () => void;
}

export function SaveTemplateDialog({ initialName, error, onSave, onClose }: Props) {
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    const ok = await onSave(name.trim(), description.trim());
    setBusy(false);
    if (ok) onClose();
  };
  return (
    <Dialog open onClose={busy ? undefined : onClose} maxWidth="sm" fullWidth aria-labelledby="save-template-title">
      <Box component="form" onSubmit={(e) => void submit(e)}>
        <DialogTitle id="save-template-title">Save as template</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2, pt: '8px !important' }}>
          <TextField autoFocus label="Template name" value={name} onChange={(e) => setName(e.target.value)} helperText="A template of the same name is replaced." />
          <TextField label="What it is for (optional)" value={description} onChange={(e) => setDescription(e.target.value)} multiline minRows={2} />
          {error && <ErrorAlert error={error} title="The template could not be saved" />}
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !name.trim()}>
            Save template
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
