/** "Add to which keystore?": an open one, or a new truststore (the Inspector's "Add to keystore"). */
import { useState } from 'react';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { KeystoreDto } from '../../../main/api/dto';
import { FormDialog } from './FormDialog';
import { countWords, KINDS } from './words';

interface Props {
  keystores: KeystoreDto[];
  count: number;
  current: string | null;
  onChoose: (keystoreId: string | 'new') => void;
  onCancel: () => void;
}

export function TargetKeystoreDialog({ keystores, count, current, onChoose, onCancel }: Props) {
  const [choice, setChoice] = useState<string>(current ?? keystores[0]?.id ?? 'new');
  return (
    <FormDialog title="Add to which keystore?" submitLabel="Continue" busy={false} error={null} onCancel={onCancel} onSubmit={() => onChoose(choice)} maxWidth="xs">
      <Typography variant="body2" color="text.secondary">
        {count === 1 ? 'One certificate' : `${count} certificates`} to add as trusted.
      </Typography>
      <RadioGroup value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="Keystore">
        {keystores.map((k) => (
          <FormControlLabel key={k.id} value={k.id} control={<Radio size="small" />} label={`${k.name} (${KINDS[k.kind].label}, ${countWords(k.entries).toLowerCase()})`} />
        ))}
        <FormControlLabel value="new" control={<Radio size="small" />} label="A new truststore" />
      </RadioGroup>
    </FormDialog>
  );
}
