/**
 * Import a key pair: a private key from the open files (or a key file opened here), its certificate chain
 * (chosen, or built by main from the open certificates by signature), an alias and, for JKS/JCEKS, an
 * optional password of the key's own.
 */
import { useMemo, useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { KeystoreDto, ObjectSummaryDto } from '../../../main/api/dto';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { FormDialog } from './FormDialog';
import { ObjectPicker } from './ObjectPicker';
import { useAction } from './useAction';
import type { KeystoresModel } from './useKeystores';
import type { OpenDocumentsModel } from './useOpenDocuments';
import { aliasTaken, newPasswordProblem, suggestAlias } from './words';

interface Props {
  keystore: KeystoreDto;
  model: KeystoresModel;
  docs: OpenDocumentsModel;
  initialKey?: string;
  onClose: (alias?: string) => void;
}

const isKey = (o: ObjectSummaryDto) => o.kind === 'privateKey';
const isCertificate = (o: ObjectSummaryDto) => o.kind === 'certificate';

export function ImportKeyPairDialog({ keystore, model, docs, initialKey, onClose }: Props) {
  const [keys, setKeys] = useState<string[]>(initialKey ? [initialKey] : []);
  const [certs, setCerts] = useState<string[]>([]);
  const [alias, setAlias] = useState<string | null>(null);
  const [ownPassword, setOwnPassword] = useState(false);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const action = useAction();

  const rows = useMemo(() => docs.documents.flatMap((d) => d.objects), [docs.documents]);
  const key = rows.find((o) => o.id === keys[0]);
  // The certificate that holds the key's public key names the entry.
  const leaf = key ? rows.find((o) => o.kind === 'certificate' && o.spkiSha256 === key.spkiSha256 && (certs.length === 0 || certs.includes(o.id))) : undefined;
  const shownAlias = alias ?? (key ? suggestAlias(leaf?.subject ?? null, keystore.entries, 'mykey') : '');
  const aliasProblem = key && shownAlias.trim() === '' ? 'An alias cannot be empty.' : key && aliasTaken(keystore.entries, shownAlias) ? `“${shownAlias.trim()}” is already an alias here.` : null;
  const canOwn = keystore.kind !== 'pkcs12';
  const passwordProblem = newPasswordProblem(password, confirm);
  const blocked = !key || aliasProblem !== null || (ownPassword && passwordProblem !== null);

  const submit = () =>
    void action.run(
      () =>
        model.call('keystores.importKeyPair', {
          keystoreId: keystore.id,
          keyObjectId: key!.id,
          alias: shownAlias.trim(),
          ...(certs.length > 0 ? { certificateObjectIds: certs } : {}),
          ...(ownPassword ? { keyPassword: password } : {}),
        }),
      () => onClose(shownAlias.trim()),
    );

  return (
    <FormDialog title={`Import a key pair into ${keystore.name}`} submitLabel="Import key pair" blocked={blocked} busy={action.busy} error={action.error} onCancel={() => onClose()} onSubmit={submit} maxWidth="md">
      <Typography variant="subtitle2">The private key</Typography>
      <ObjectPicker
        docs={docs}
        accept={isKey}
        multiple={false}
        selected={keys}
        onChange={setKeys}
        emptyWords="Open the private key: a .key or .pem file, or a PFX that holds it."
        openLabel="Open a key file…"
        testId="key-file-input"
        label="Private key"
      />
      <Typography variant="subtitle2">Its certificate and chain</Typography>
      <ObjectPicker
        docs={docs}
        accept={isCertificate}
        multiple
        selected={certs}
        onChange={setCerts}
        emptyWords="Open the key's certificate (and its CA certificates), or leave this empty: the chain is built from the open certificates."
        openLabel="Open certificate files…"
        testId="chain-file-input"
        label="Certificates"
      />
      <Typography variant="caption" color="text.secondary">
        {certs.length === 0 ? 'Nothing chosen: the certificate that matches the key and its issuers are taken from the open files, ordered by signature.' : 'The chosen certificates are ordered leaf → root by signature; ones that do not belong are left out.'}
      </Typography>
      <TextField label="Alias" value={shownAlias} onChange={(e) => setAlias(e.target.value)} disabled={!key} error={aliasProblem !== null} helperText={aliasProblem ?? 'The name the application looks the key up by (keyAlias, -alias).'} />
      {canOwn && <FormControlLabel control={<Checkbox size="small" checked={ownPassword} onChange={(e) => setOwnPassword(e.target.checked)} />} label="Protect this key with a password of its own (otherwise the store password)" />}
      {canOwn && ownPassword && <NewPasswordFields label="Key password" password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} problem={passwordProblem} />}
    </FormDialog>
  );
}
