/**
 * Choose certificates or keys from the open documents (grouped by file), or open another file; a locked file
 * is unlocked in place. Newly opened objects that fit are chosen for the user.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import Typography from '@mui/material/Typography';
import type { DocumentDto, ErrorInfo, ObjectSummaryDto } from '../../../main/api/dto';
import { PasswordField } from './PasswordField';
import { ExpiryChip } from '../inspect/ExpiryChip';
import { KindIcon } from '../inspect/KindIcon';
import { OpenFileButton } from './OpenFileButton';
import type { OpenDocumentsModel } from './useOpenDocuments';
import { cnOf } from './words';

interface Props {
  docs: OpenDocumentsModel;
  accept: (row: ObjectSummaryDto) => boolean;
  multiple: boolean;
  selected: string[];
  onChange: (ids: string[]) => void;
  /** What to open when nothing fits ("Open the CA's certificate file"). */
  emptyWords: string;
  openLabel: string;
  testId: string;
  /** Accessible name of the choice group. */
  label: string;
}

function detail(row: ObjectSummaryDto, doc: DocumentDto): string {
  const what = row.kind === 'certificate' ? (row.isCA ? (row.selfSigned ? 'Root CA' : 'Intermediate CA') : 'Certificate') : row.label;
  const issuer = row.kind === 'certificate' && !row.selfSigned && row.issuer ? `issued by ${cnOf(row.issuer)}` : null;
  return [what, issuer, `in ${doc.name}`].filter(Boolean).join(' · ');
}

export function ObjectPicker({ docs, accept, multiple, selected, onChange, emptyWords, openLabel, testId, label }: Props) {
  const [error, setError] = useState<ErrorInfo | null>(null);
  const groups = docs.documents
    .map((doc) => ({ doc, rows: doc.objects.filter((o) => !o.duplicateOf && accept(o)) }))
    .filter((g) => g.rows.length > 0 || g.doc.status === 'locked');

  const toggle = (id: string, on: boolean) => {
    if (!multiple) return onChange(on ? [id] : []);
    onChange(on ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id));
  };

  const opened = (documents: DocumentDto[]) => {
    setError(null);
    // A certificate already open elsewhere is listed once, under its first copy: choose that one.
    const fitting = [...new Set(documents.flatMap((d) => d.objects.filter(accept).map((o) => o.duplicateOf ?? o.id)))];
    const failed = documents.find((d) => d.status === 'error');
    if (failed?.error) setError(failed.error);
    else if (documents.length > 0 && fitting.length === 0 && !documents.some((d) => d.status === 'locked')) {
      setError({ code: 'NOT_FOUND', message: `Nothing in ${documents.map((d) => d.name).join(', ')} fits here.`, hint: emptyWords });
    }
    if (fitting.length > 0) onChange(multiple ? [...new Set([...selected, ...fitting])] : [fitting[0]!]);
  };

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {groups.length === 0 ? emptyWords : 'From the open files:'}
        </Typography>
        <OpenFileButton docs={docs} onOpened={opened} testId={testId} multiple={multiple}>
          {openLabel}
        </OpenFileButton>
      </Box>
      {error && (
        <Alert severity="error" sx={{ mb: 1 }} onClose={() => setError(null)}>
          {error.message} {error.hint}
        </Alert>
      )}
      {groups.length > 0 && (
        <Box role="group" aria-label={label} sx={{ maxHeight: 280, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 0.5 }}>
          {groups.map(({ doc, rows }) => (
            <Box key={doc.id} sx={{ py: 0.5 }}>
              <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 700 }}>
                {doc.name}
              </Typography>
              {doc.status === 'locked' && <UnlockInline doc={doc} docs={docs} onUnlocked={(d) => opened([d])} />}
              {rows.map((row) => {
                const on = selected.includes(row.id);
                const Control = multiple ? Checkbox : Radio;
                return (
                  <FormControlLabel
                    key={row.id}
                    sx={{ display: 'flex', mr: 0, alignItems: 'flex-start', '& .MuiFormControlLabel-label': { flex: 1, minWidth: 0 } }}
                    control={<Control size="small" checked={on} onChange={(e) => toggle(row.id, e.target.checked)} />}
                    label={
                      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', py: 0.75 }}>
                        <KindIcon kind={row.kind} />
                        <Box sx={{ flex: 1, minWidth: 0 }}>
                          <Typography variant="body2" noWrap sx={{ fontWeight: 600 }}>
                            {row.label}
                          </Typography>
                          <Typography variant="caption" color="text.secondary" noWrap component="div">
                            {detail(row, doc)}
                          </Typography>
                        </Box>
                        {row.kind === 'certificate' && <ExpiryChip cert={row} />}
                      </Box>
                    }
                  />
                );
              })}
            </Box>
          ))}
        </Box>
      )}
    </Box>
  );
}

function UnlockInline({ doc, docs, onUnlocked }: { doc: DocumentDto; docs: OpenDocumentsModel; onUnlocked: (doc: DocumentDto) => void }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const unlock = async () => {
    setBusy(true);
    const next = await docs.unlock(doc.id, password);
    setBusy(false);
    if (!next) return setError(docs.failure?.message ?? 'The file could not be unlocked.');
    if (next.status === 'locked') setError(next.lock?.message ?? 'Wrong password.');
    else onUnlocked(next);
  };
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', mt: 1 }}>
      <PasswordField label={`Password for ${doc.name}`} value={password} onChange={setPassword} error={error} />
      <Button variant="outlined" onClick={() => void unlock()} disabled={busy} sx={{ mt: 1 }}>
        Unlock
      </Button>
    </Box>
  );
}
