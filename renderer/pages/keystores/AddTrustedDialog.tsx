/** Add certificates as trusted entries: from the open files or a file opened here; one alias, or one per CN. */
import { useMemo, useState } from 'react';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { KeystoreDto, ObjectSummaryDto } from '../../../main/api/dto';
import { FormDialog } from './FormDialog';
import { ObjectPicker } from './ObjectPicker';
import { useAction } from './useAction';
import type { KeystoresModel } from './useKeystores';
import type { OpenDocumentsModel } from './useOpenDocuments';
import { aliasTaken, suggestAlias } from './words';

interface Props {
  keystore: KeystoreDto;
  model: KeystoresModel;
  docs: OpenDocumentsModel;
  /** Chosen before the dialog opened (the Inspector's "Add to keystore"). */
  initial?: string[];
  onClose: (added?: string) => void;
}

const isCertificate = (o: ObjectSummaryDto) => o.kind === 'certificate';

export function AddTrustedDialog({ keystore, model, docs, initial = [], onClose }: Props) {
  const [selected, setSelected] = useState<string[]>(initial);
  const [alias, setAlias] = useState<string | null>(null);
  const action = useAction();
  const rows = useMemo(() => new Map(docs.documents.flatMap((d) => d.objects).map((o) => [o.id, o])), [docs.documents]);
  const single = selected.length === 1 ? rows.get(selected[0]!) : undefined;
  const shownAlias = alias ?? (single ? suggestAlias(single.subject, keystore.entries, 'trusted') : '');
  const problem = single && shownAlias.trim() === '' ? 'An alias cannot be empty.' : single && aliasTaken(keystore.entries, shownAlias) ? `“${shownAlias.trim()}” is already an alias here.` : null;

  const submit = () =>
    void action.run(
      () => model.call('keystores.addTrusted', { keystoreId: keystore.id, objectIds: selected, ...(single ? { alias: shownAlias.trim() } : {}) }),
      (ks) => onClose(single ? shownAlias.trim() : ks.entries.at(-1)?.alias),
    );

  return (
    <FormDialog
      title={`Add trusted certificates to ${keystore.name}`}
      submitLabel={selected.length > 1 ? `Add ${selected.length} certificates` : 'Add certificate'}
      blocked={selected.length === 0 || problem !== null}
      busy={action.busy}
      error={action.error}
      onCancel={() => onClose()}
      onSubmit={submit}
    >
      <ObjectPicker
        docs={docs}
        accept={isCertificate}
        multiple
        selected={selected}
        onChange={setSelected}
        emptyWords="Open the certificate to trust: the CA's root or intermediate, or a server's certificate to pin."
        openLabel="Open a certificate file…"
        testId="trusted-file-input"
        label="Certificates to trust"
      />
      {single ? (
        <TextField label="Alias" value={shownAlias} onChange={(e) => setAlias(e.target.value)} error={problem !== null} helperText={problem ?? 'The name Java lists this certificate under.'} />
      ) : (
        selected.length > 1 && (
          <Typography variant="body2" color="text.secondary">
            Each certificate is named after its common name; rename any of them afterwards.
          </Typography>
        )
      )}
    </FormDialog>
  );
}
