/**
 * Step 6, "Save": where, under which name, and how the key is kept: encrypted with a passphrase (PKCS#8
 * AES-256) by default, the traditional format for old software, unencrypted only with an explicit yes, or
 * kept in the workbench only (just the CSR is written).
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LockIcon from '@mui/icons-material/LockOutlined';
import { FolderChoice } from '../../components/FolderChoice';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { MONO_FONT } from '../../theme';
import { passwordProblem } from '../convert/protection';
import { plannedFiles, type KeyStorage, type SaveForm } from './save';

interface Props {
  form: SaveForm;
  onForm: (change: Partial<SaveForm>) => void;
  folder: string | null;
  canPick: boolean;
  onPick: () => void;
  withCertificate: boolean;
  /** The key came from an open file: it is there already. */
  reusedKey: boolean;
}

export function SaveStep({ form, onForm, folder, canPick, onPick, withCertificate, reusedKey }: Props) {
  const files = plannedFiles(form, withCertificate);
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 720 }}>
      <FolderChoice folder={folder} canPick={canPick} onPick={onPick} />
      <TextField
        label="File name (without extension)"
        value={form.baseName}
        onChange={(e) => onForm({ baseName: e.target.value })}
        sx={{ maxWidth: 420 }}
        slotProps={{ htmlInput: { style: { fontFamily: MONO_FONT } } }}
      />
      <FormControl>
        <FormLabel id="key-storage">The private key</FormLabel>
        <RadioGroup aria-labelledby="key-storage" value={form.storage} onChange={(_, v) => onForm({ storage: v as KeyStorage, plainAcknowledged: false })}>
          <FormControlLabel value="encrypted" control={<Radio />} label="Encrypted with a passphrase (recommended)" />
          <FormControlLabel value="plain" control={<Radio />} label="No passphrase" />
          <FormControlLabel value="workbench" control={<Radio />} label={reusedKey ? 'Do not write the key (it is in its own file already): save just the CSR' : 'Keep the key in the workbench only: save just the CSR'} />
        </RadioGroup>
      </FormControl>
      {form.storage === 'encrypted' && (
        <Box>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            The passphrase that protects the key
          </Typography>
          <NewPasswordFields label="Key passphrase" password={form.password} confirm={form.confirm} onPassword={(password) => onForm({ password })} onConfirm={(confirm) => onForm({ confirm })} problem={passwordProblem('pkcs8', form.password, form.confirm)} />
        </Box>
      )}
      {form.storage === 'plain' && (
        <Alert severity="warning" data-testid="plain-key-warning">
          <AlertTitle>The private key will be written without a passphrase</AlertTitle>
          Anyone who can read the file can use the key. Certbench writes it readable by you only (0600); keep it off shared drives, tickets and mail.
          <FormControlLabel sx={{ display: 'flex', mt: 1 }} control={<Checkbox checked={form.plainAcknowledged} onChange={(_, plainAcknowledged) => onForm({ plainAcknowledged })} />} label="I understand: write the key without a passphrase" />
        </Alert>
      )}
      {form.storage === 'workbench' && (
        <Alert severity="info">
          {reusedKey ? 'Only the CSR is written.' : 'The key stays open in Certbench until you close it or quit: save it before you quit, or the CA’s reply will have no key to go with.'}
        </Alert>
      )}
      {form.storage !== 'workbench' && (
        <FormControlLabel
          control={<Switch checked={form.traditional} onChange={(_, traditional) => onForm({ traditional })} />}
          label="Traditional format for old software (BEGIN RSA / EC PRIVATE KEY, as openssl genrsa writes it)"
        />
      )}
      <Box>
        <Typography variant="subtitle2">Will be written</Typography>
        <Box component="ul" data-testid="planned-files" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0.5, mt: 0.5 }}>
          {files.map((f) => (
            <Box component="li" key={f.name} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <Typography sx={{ fontFamily: MONO_FONT, fontSize: 13, minWidth: 220 }}>{f.name}</Typography>
              <Typography variant="body2" color="text.secondary">
                {f.what}
              </Typography>
              {f.secret && <LockIcon fontSize="small" color="action" titleAccess="Readable by you only (0600)" />}
            </Box>
          ))}
        </Box>
      </Box>
    </Box>
  );
}
