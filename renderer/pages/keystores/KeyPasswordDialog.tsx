/** A key entry's own password (JKS/JCEKS), or back to the store password. PKCS#12 has one password for all. */
import { useState } from 'react';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import type { KeystoreDto, KeystoreEntryDto } from '../../../main/api/dto';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { FormDialog } from './FormDialog';
import { useAction } from './useAction';
import type { KeystoresModel } from './useKeystores';
import { newPasswordProblem } from './words';

export function KeyPasswordDialog({ keystore, entry, model, onClose }: { keystore: KeystoreDto; entry: KeystoreEntryDto; model: KeystoresModel; onClose: () => void }) {
  const [own, setOwn] = useState(entry.ownKeyPassword);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const action = useAction();
  const problem = newPasswordProblem(password, confirm);
  const blocked = own && problem !== null;
  return (
    <FormDialog
      title={`Key password of “${entry.alias}”`}
      submitLabel="Set key password"
      blocked={blocked}
      busy={action.busy}
      error={action.error}
      onCancel={onClose}
      onSubmit={() => void action.run(() => model.call('keystores.setKeyPassword', { keystoreId: keystore.id, alias: entry.alias, keyPassword: own ? password : null }), onClose)}
    >
      <Typography variant="body2" color="text.secondary">
        In a JKS or JCEKS file each key can have a password of its own; Java needs it for getKey() (Tomcat's keyPass, Spring's key-password). Saved as PKCS#12, every key takes the store password.
      </Typography>
      <RadioGroup value={own ? 'own' : 'store'} onChange={(e) => setOwn(e.target.value === 'own')} aria-label="Key password">
        <FormControlLabel value="store" control={<Radio size="small" />} label="Same as the store password (what most applications expect)" />
        <FormControlLabel value="own" control={<Radio size="small" />} label="A password of its own" />
      </RadioGroup>
      {own && <NewPasswordFields label="Key password" password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} problem={problem} />}
    </FormDialog>
  );
}
