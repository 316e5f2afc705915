/**
 * Import a CA reply (the mutual-TLS flow): which key entry → the CA's reply → review. The review says whether
 * the reply holds the entry's public key when the open files tell (the entry's certificate is open); main
 * checks it again on import and refuses a reply for another key (NO_MATCHING_KEY), shown in plain words.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import type { KeystoreDto, KeystoreEntryDto, ObjectSummaryDto } from '../../../main/api/dto';
import { ExpiryChip } from '../inspect/ExpiryChip';
import { ErrorAlert } from './ErrorAlert';
import { ObjectPicker } from './ObjectPicker';
import { checkReply } from './replyCheck';
import { useAction } from './useAction';
import type { KeystoresModel } from './useKeystores';
import type { OpenDocumentsModel } from './useOpenDocuments';
import { cnOf } from './words';

const STEPS = ['Which key entry?', "The CA's reply", 'Review'];

interface Props {
  keystore: KeystoreDto;
  model: KeystoresModel;
  docs: OpenDocumentsModel;
  initialAlias?: string;
  onClose: () => void;
}

const isCertificate = (o: ObjectSummaryDto) => o.kind === 'certificate';

export function CaReplyWizard({ keystore, model, docs, initialAlias, onClose }: Props) {
  const keyEntries = keystore.entries.filter((e) => e.type === 'privateKey');
  const [step, setStep] = useState(0);
  const [alias, setAlias] = useState(initialAlias && keyEntries.some((e) => e.alias === initialAlias) ? initialAlias : (keyEntries[0]?.alias ?? ''));
  const [reply, setReply] = useState<string[]>([]);
  const [done, setDone] = useState<KeystoreEntryDto | null>(null);
  const action = useAction();

  const rows = useMemo(() => docs.documents.flatMap((d) => d.objects), [docs.documents]);
  const entry = keyEntries.find((e) => e.alias === alias);
  const replyRows = reply.map((id) => rows.find((o) => o.id === id)).filter((o): o is ObjectSummaryDto => o !== undefined);
  const check = checkReply(entry, replyRows, rows);

  const importReply = () =>
    void action.run(
      () => model.call('keystores.importCaReply', { keystoreId: keystore.id, alias, objectIds: reply }),
      (ks) => setDone(ks.entries.find((e) => e.alias === alias) ?? null),
    );

  const canNext = step === 0 ? entry !== undefined : step === 1 ? reply.length > 0 : false;

  return (
    <Dialog open onClose={action.busy ? undefined : onClose} maxWidth="md" fullWidth aria-labelledby="ca-reply-title">
      <DialogTitle id="ca-reply-title">Import a CA reply into {keystore.name}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Stepper activeStep={done ? 3 : step} sx={{ pt: 1 }}>
          {STEPS.map((label) => (
            <Step key={label}>
              <StepLabel>{label}</StepLabel>
            </Step>
          ))}
        </Stepper>

        {step === 0 && (
          <Box>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
              The key you made the certificate request with. The CA's signed certificate replaces this entry's self-signed certificate (or its old chain); the key stays as it is.
            </Typography>
            {keyEntries.length === 0 ? (
              <Alert severity="info">This keystore has no key pair yet. Import the key first (Import key pair), then its CA reply.</Alert>
            ) : (
              <RadioGroup value={alias} onChange={(e) => setAlias(e.target.value)} aria-label="Key entry">
                {keyEntries.map((e) => (
                  <FormControlLabel
                    key={e.alias}
                    value={e.alias}
                    control={<Radio size="small" />}
                    label={
                      <span>
                        <strong>{e.alias}</strong> · {e.certificate ? cnOf(e.certificate.subject) : 'no certificate'}
                        {e.certificate?.selfSigned ? ' · self-signed (waiting for its CA reply)' : ''}
                      </span>
                    }
                  />
                ))}
              </RadioGroup>
            )}
          </Box>
        )}

        {step === 1 && (
          <ObjectPicker
            docs={docs}
            accept={isCertificate}
            multiple
            selected={reply}
            onChange={setReply}
            emptyWords="Open the file the CA sent back: the signed certificate, usually with the CA's certificates (.pem, .crt, .cer or .p7b)."
            openLabel="Open the CA's reply…"
            testId="ca-reply-file-input"
            label="The CA's reply"
          />
        )}

        {step === 2 && entry && (
          <Box sx={{ display: 'grid', gap: 1.5 }}>
            {done ? (
              <Alert severity="success" data-testid="ca-reply-done">
                <AlertTitle>The reply's public key matches the key of “{alias}”</AlertTitle>
                The entry now holds the CA's certificate with a chain of {done.chain.length} certificate{done.chain.length === 1 ? '' : 's'}: {done.chain.map((c) => cnOf(c.subject)).join(' → ')}. Save the keystore to keep it.
              </Alert>
            ) : check.state === 'match' ? (
              <Alert severity="success" data-testid="ca-reply-check">
                The reply's certificate “{check.cert.label}” holds the public key of “{alias}”: it can be imported.
              </Alert>
            ) : check.state === 'mismatch' ? (
              <Alert severity="warning" data-testid="ca-reply-check">
                None of the chosen certificates holds the public key of “{alias}”. Certbench will refuse this reply; check that it answers the request made with this key.
              </Alert>
            ) : (
              <Alert severity="info" data-testid="ca-reply-check">
                Certbench checks that the reply holds the public key of “{alias}” when you import it.
              </Alert>
            )}
            <Typography variant="subtitle2">Into “{alias}”, replacing its chain of {entry.chain.length}</Typography>
            <Box component="ul" aria-label="Reply certificates" sx={{ m: 0, pl: 2, display: 'grid', gap: 0.5 }}>
              {replyRows.map((o) => (
                <Box component="li" key={o.id} sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                  <Typography variant="body2" sx={{ flex: 1 }}>
                    <strong>{o.label}</strong> · {o.isCA ? (o.selfSigned ? 'Root CA' : 'Intermediate CA') : `issued by ${o.issuer ? cnOf(o.issuer) : '?'}`}
                  </Typography>
                  <ExpiryChip cert={o} />
                </Box>
              ))}
            </Box>
            {action.error && <ErrorAlert error={action.error} />}
            {action.busy && <LinearProgress aria-label="Importing" />}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        {done ? (
          <Button variant="contained" onClick={onClose}>
            Done
          </Button>
        ) : (
          <>
            <Button onClick={onClose} disabled={action.busy}>
              Cancel
            </Button>
            {step > 0 && (
              <Button onClick={() => (action.setError(null), setStep(step - 1))} disabled={action.busy}>
                Back
              </Button>
            )}
            {step < 2 ? (
              <Button variant="contained" onClick={() => setStep(step + 1)} disabled={!canNext}>
                Next
              </Button>
            ) : (
              <Button variant="contained" onClick={importReply} disabled={action.busy}>
                Import reply
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
