/** A new truststore from CA certificates: chosen from the open files or a bundle opened here. */
import { useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { KeystoreDto, ObjectSummaryDto } from '../../../main/api/dto';
import { FormDialog } from './FormDialog';
import { ObjectPicker } from './ObjectPicker';
import { useAction } from './useAction';
import type { KeystoresModel } from './useKeystores';
import type { OpenDocumentsModel } from './useOpenDocuments';

interface Props {
  model: KeystoresModel;
  docs: OpenDocumentsModel;
  onClose: (created?: KeystoreDto) => void;
}

export function NewTruststoreDialog({ model, docs, onClose }: Props) {
  const [selected, setSelected] = useState<string[]>([]);
  const [name, setName] = useState('truststore');
  const [anyCertificate, setAnyCertificate] = useState(false);
  const action = useAction();
  const accept = (o: ObjectSummaryDto) => o.kind === 'certificate' && (anyCertificate || o.isCA);

  const submit = () =>
    void action.run(
      async () => {
        const created = await model.call('keystores.create', { kind: 'pkcs12', name: name.trim() || 'truststore' });
        if (!created.ok) return created;
        const filled = await model.call('keystores.addTrusted', { keystoreId: created.value.id, objectIds: selected });
        // A truststore that could not be filled is not left behind half made.
        if (!filled.ok) await model.call('keystores.close', { keystoreId: created.value.id });
        return filled;
      },
      (ks) => onClose(ks),
    );

  return (
    <FormDialog
      title="New truststore from CA certificates"
      submitLabel={selected.length > 0 ? `Create with ${selected.length} certificate${selected.length === 1 ? '' : 's'}` : 'Create'}
      blocked={selected.length === 0}
      busy={action.busy}
      error={action.error}
      onCancel={() => onClose()}
      onSubmit={submit}
    >
      <Typography variant="body2" color="text.secondary">
        A truststore holds only certificates: the CAs a Java client or server accepts (javax.net.ssl.trustStore). Each becomes a trusted entry named after its common name.
      </Typography>
      <ObjectPicker
        docs={docs}
        accept={accept}
        multiple
        selected={selected}
        onChange={setSelected}
        emptyWords="Open the CA certificates: a bundle (.pem, .crt, .p7b) or the CA's root and intermediates."
        openLabel="Open a CA bundle…"
        testId="truststore-file-input"
        label="CA certificates"
      />
      <FormControlLabel
        control={<Checkbox size="small" checked={anyCertificate} onChange={(e) => (setAnyCertificate(e.target.checked), setSelected((s) => (e.target.checked ? s : [])))} />}
        label="Also list certificates that are not CAs (to pin a server's own certificate)"
      />
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} helperText="Shown on its tab and used for the file name when you save it." />
    </FormDialog>
  );
}
