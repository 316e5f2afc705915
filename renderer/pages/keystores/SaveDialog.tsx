/**
 * Save (or save as) a keystore: the kind and who needs it, the file name, the store password twice with a
 * strength hint (changing the store password is saving with a new one), and where: the folder chosen in the
 * desktop app, the output folder in the browser. An existing file is replaced only after the user confirms.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import FolderIcon from '@mui/icons-material/FolderOpenOutlined';
import type { KeystoreDto, KeystoreKind, WrittenFileDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { ConfirmDialog } from './ConfirmDialog';
import { FormDialog } from './FormDialog';
import { useAction } from './useAction';
import type { KeystoresModel } from './useKeystores';
import { fileNameFor, KIND_ORDER, KINDS, newPasswordProblem } from './words';

interface Props {
  keystore: KeystoreDto;
  model: KeystoresModel;
  onClose: (written?: WrittenFileDto[]) => void;
}

const BAD_NAME = /[\\/:*?"<>|\u0000-\u001f]/;

export function SaveDialog({ keystore, model, onClose }: Props) {
  const client = useClient();
  const [kind, setKind] = useState<KeystoreKind>(keystore.kind);
  const [fileName, setFileName] = useState(fileNameFor(keystore.name, keystore.kind));
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [folder, setFolder] = useState<string | null>(null);
  const [replacing, setReplacing] = useState(false);
  const action = useAction();

  useEffect(() => {
    if (client.pickFolder) return;
    client.call('app.info', {}).then(
      (info) => setFolder(info.outputFolder),
      () => setFolder(null),
    );
  }, [client]);

  const chooseKind = (next: KeystoreKind) => {
    setKind(next);
    setFileName((name) => fileNameFor(name, next));
  };

  const name = fileName.trim();
  const nameProblem = name === '' ? 'Give the file a name.' : BAD_NAME.test(name) ? 'A file name cannot contain / \\ : * ? " < > |.' : null;
  const passwordProblem = newPasswordProblem(password, confirm);
  const blocked = nameProblem !== null || passwordProblem !== null || folder === null;

  const save = (overwrite: boolean) =>
    void action.run(
      () => model.call('keystores.save', { keystoreId: keystore.id, kind, storePassword: password, destination: { folder: folder!, fileName: name, ...(overwrite ? { overwrite: true } : {}) } }),
      (result) => onClose(result.written),
    ).then((outcome) => {
      if (!outcome.ok && outcome.error.code === 'EXISTS' && !overwrite) {
        action.setError(null);
        setReplacing(true);
      }
    });

  return (
    <>
      <FormDialog title={`Save ${keystore.name}`} submitLabel="Save" blocked={blocked} busy={action.busy} error={action.error} onCancel={() => onClose()} onSubmit={() => save(false)}>
        <FormControl>
          <FormLabel id="save-kind">Save as</FormLabel>
          <RadioGroup aria-labelledby="save-kind" value={kind} onChange={(e) => chooseKind(e.target.value as KeystoreKind)}>
            {KIND_ORDER.map((k) => (
              <FormControlLabel
                key={k}
                value={k}
                control={<Radio size="small" />}
                sx={{ alignItems: 'flex-start', '& .MuiRadio-root': { pt: 0.5 } }}
                label={
                  <Box sx={{ py: 0.5 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {KINDS[k].label}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {KINDS[k].who}
                    </Typography>
                  </Box>
                }
              />
            ))}
          </RadioGroup>
        </FormControl>
        {keystore.notes.length > 0 && (
          <Alert severity="info">
            {keystore.notes.map((n) => (
              <div key={n}>{n}</div>
            ))}
          </Alert>
        )}
        <TextField label="File name" value={fileName} onChange={(e) => setFileName(e.target.value)} error={nameProblem !== null} helperText={nameProblem ?? ' '} />
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="body2" sx={{ flex: 1, overflowWrap: 'anywhere' }} data-testid="save-folder">
            {folder ? `Into ${folder}` : client.pickFolder ? 'Choose the folder to save into.' : 'This window has no output folder to save into.'}
          </Typography>
          {client.pickFolder && (
            <Button variant="outlined" startIcon={<FolderIcon />} onClick={() => void client.pickFolder!().then((f) => f && setFolder(f))}>
              {folder ? 'Change folder…' : 'Choose folder…'}
            </Button>
          )}
        </Box>
        <Typography variant="body2" color="text.secondary">
          The store password protects the file{kind === 'pkcs12' ? ' and every key in it' : ' and the keys that have no password of their own'}. To change it, save with a new one.
        </Typography>
        <NewPasswordFields label="Store password" password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} problem={passwordProblem} />
      </FormDialog>
      {replacing && (
        <ConfirmDialog
          title={`Replace ${name}?`}
          confirmLabel="Replace"
          destructive
          busy={action.busy}
          onCancel={() => setReplacing(false)}
          onConfirm={() => {
            setReplacing(false);
            save(true);
          }}
        >
          A file named {name} is already in {folder}. Replacing it overwrites what it holds.
        </ConfirmDialog>
      )}
    </>
  );
}
