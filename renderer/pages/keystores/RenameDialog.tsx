/** Rename an entry: a new alias, unique in the keystore (JKS compares aliases without case). */
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import type { KeystoreDto } from '../../../main/api/dto';
import { FormDialog } from './FormDialog';
import { useAction } from './useAction';
import type { KeystoresModel } from './useKeystores';
import { aliasTaken } from './words';

export function RenameDialog({ keystore, alias, model, onClose }: { keystore: KeystoreDto; alias: string; model: KeystoresModel; onClose: (newAlias?: string) => void }) {
  const [value, setValue] = useState(alias);
  const action = useAction();
  const next = value.trim();
  const problem = next === '' ? 'An alias cannot be empty.' : aliasTaken(keystore.entries, next, alias) ? `“${next}” is already an alias in this keystore.` : null;
  return (
    <FormDialog
      title={`Rename “${alias}”`}
      submitLabel="Rename"
      blocked={problem !== null || next === alias}
      busy={action.busy}
      error={action.error}
      maxWidth="xs"
      onCancel={() => onClose()}
      onSubmit={() => void action.run(() => model.call('keystores.rename', { keystoreId: keystore.id, alias, newAlias: next }), () => onClose(next))}
    >
      <TextField autoFocus label="New alias" value={value} onChange={(e) => setValue(e.target.value)} error={problem !== null} helperText={problem ?? 'Java finds entries by alias: use the name the application is configured with.'} />
    </FormDialog>
  );
}
