/**
 * Convert: a wizard from "what do you have" to "what was written". Files open here go through the
 * Inspector's read path (they show in Inspect too); dropping a file on a target card converts straight to it.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import type { PlannedFileDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordDialog } from '../../components/PasswordDialog';
import { useNavigation } from '../../frame/navigation';
import { useProgress } from '../inspect/useProgress';
import { useWorkbench } from '../inspect/useWorkbench';
import { ConvertDropOverlay } from './ConvertDropOverlay';
import { DestinationStep } from './DestinationStep';
import { ProtectStep } from './ProtectStep';
import { ReplaceDialog } from './ReplaceDialog';
import { ResultView } from './ResultView';
import { ReviewStep } from './ReviewStep';
import { fromSource, withDocuments } from './selection';
import { SourceStep } from './SourceStep';
import { nextStep, previousStep, STEPS } from './steps';
import { choiceFor, TARGET_CARDS, targetName } from './targets';
import { TargetStep } from './TargetStep';
import { useConvertFiles } from './useConvertFiles';
import { useConvertRun } from './useConvertRun';
import { useConvertWizard, type FileNames } from './useConvertWizard';
import { chosenWords } from './words';
import { useOutputFolder } from './useOutputFolder';
import { usePageDrop } from '../../components/usePageDrop';
import { PageHeader } from '../../components/PageHeader';

/** The names to send: only those the user changed, trimmed. */
function changedNames(names: FileNames, files: PlannedFileDto[]): FileNames {
  const out: FileNames = {};
  for (const f of files) {
    const name = names[f.role]?.trim();
    if (name && name !== f.name) out[f.role] = name;
  }
  return out;
}

export function ConvertPage() {
  const client = useClient();
  const wb = useWorkbench();
  const documents = wb.state.documents;
  const wizard = useConvertWizard(documents);
  const files = useConvertFiles(wb);
  const output = useOutputFolder();
  const run = useConvertRun();
  const progress = useProgress();
  const { navigate } = useNavigation();
  const [verifying, setVerifying] = useState(false);

  const openFiles = async (list: File[], cardId: string | null) => {
    const ids = await files.open(list);
    if (ids.length === 0) return;
    run.reset();
    const card = cardId ? TARGET_CARDS.find((c) => c.id === cardId) : undefined;
    if (card) {
      // Dropped on a card: these files, to that target.
      wizard.setSelection(fromSource({ documentIds: ids }));
      wizard.choose(card);
      wizard.goTo('protect');
    } else {
      wizard.setSelection((s) => withDocuments(s, ids));
      wizard.goTo('source');
    }
  };
  const drop = usePageDrop((list, card) => void openFiles(list, card));

  const preview = wizard.preview.preview;
  const step = wizard.step;
  const steps = wizard.steps;
  const at = steps.indexOf(step);
  const written = run.written;

  const write = () => {
    if (!wizard.request || !output.folder || !preview) return;
    void run.run({
      ...wizard.request,
      destination: { folder: output.folder, names: changedNames(wizard.names, preview.files) },
      ...(wizard.passwordNeeded ? { password: wizard.password } : {}),
      ...(wizard.needs?.ownKeyPassword && wizard.keyPassword.own ? { keyPassword: wizard.keyPassword.password } : {}),
    });
  };

  const verify = async () => {
    if (!written) return;
    setVerifying(true);
    const next = await wb.run('documents.openPaths', { paths: written.map((w) => w.path) });
    setVerifying(false);
    if (next) navigate('inspect');
  };

  const topProgress = progress[0] ?? null;
  const next = nextStep(step, steps);
  const back = previousStep(step, steps);
  const blocker = step === 'where' && !output.folder ? 'Choose a folder to write into.' : wizard.blocker;
  const title = (id: string) => STEPS.find((s) => s.id === id)!.title;
  // Named by the card its target and options now stand for (a PFX switched to the legacy profile is for older Windows).
  const card = wizard.choice ? TARGET_CARDS.find((c) => c.id === choiceFor(wizard.choice!.target, wizard.options).id) : undefined;
  const subtitle = [chosenWords(documents, wizard.selection), wizard.choice ? (card?.title ?? targetName(wizard.choice.target)) : null].filter(Boolean).join(' → ');
  const exists = run.exists;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="Convert" statusTestId="convert-status" status={topProgress ? topProgress.label : subtitle || 'Give me this as… PFX, PEM pieces, DER, P7B, a Java keystore, a key without its passphrase'}>
        {run.running && topProgress && (
          <Button color="inherit" onClick={() => void client.call('operations.cancel', { operationId: topProgress.operationId }).catch(() => undefined)}>
            Stop
          </Button>
        )}
      </PageHeader>
      <Box sx={{ height: 4 }} role="status" aria-live="polite">
        {(run.running || files.opening || wizard.preview.loading || topProgress) && <LinearProgress aria-label={topProgress?.label ?? 'Working'} variant={topProgress?.fraction != null ? 'determinate' : 'indeterminate'} value={(topProgress?.fraction ?? 0) * 100} />}
      </Box>
      <Stepper activeStep={written ? steps.length : at} nonLinear sx={{ px: 3, pt: 2, pb: 1 }} aria-label="Steps">
        {steps.map((id, i) => (
          <Step key={id} completed={written !== null || i < at}>
            <StepButton disabled={written === null && i >= at} onClick={() => {
                run.reset();
                wizard.goTo(id);
              }} data-step={id}>
              {title(id)}
            </StepButton>
          </Step>
        ))}
      </Stepper>
      <Box component="section" aria-label={written ? 'Result' : title(step)} sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 3, py: 2 }}>
        {written ? (
          <ResultView
            written={written}
            folder={run.folder}
            verifying={verifying}
            onVerify={() => void verify()}
            onAgain={() => {
              run.reset();
              wizard.goTo('target');
            }}
            onAnother={() => {
              run.reset();
              wizard.reset();
            }}
          />
        ) : (
          <>
            <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 2 }}>
              {title(step)}
            </Typography>
            {step === 'source' && (
              <SourceStep
                documents={documents}
                selection={wizard.selection}
                onSelection={wizard.setSelection}
                onFiles={(list) => void openFiles(list, null)}
                onUnlock={files.ask}
                opening={files.opening}
                found={wizard.latest}
                foundError={wizard.preview.error}
                loading={wizard.preview.loading}
                locked={wizard.lockedName}
              />
            )}
            {step === 'target' && <TargetStep choice={wizard.choice} onChoose={wizard.choose} found={wizard.latest?.found ?? null} blocked={preview?.blocked ?? null} />}
            {step === 'protect' && wizard.choice && wizard.needs && (
              <ProtectStep
                target={wizard.choice.target}
                needs={wizard.needs}
                options={wizard.options}
                setOption={wizard.setOption}
                passwordNeeded={wizard.passwordNeeded}
                password={wizard.password}
                confirm={wizard.confirm}
                onPassword={wizard.setPassword}
                onConfirm={wizard.setConfirm}
                keyPassword={wizard.keyPassword}
                onKeyPassword={wizard.setKeyPassword}
                leafLabel={wizard.latest?.chain[0]?.label ?? null}
              />
            )}
            {step === 'where' && <DestinationStep folder={output.folder} canPick={output.canPick} onPick={() => void output.pick()} files={preview?.files ?? null} names={wizard.names} onName={wizard.setName} fixedNames={wizard.choice?.target === 'certbot'} />}
            {step === 'review' && preview && (
              <ReviewStep
                preview={preview}
                folder={output.folder}
                names={wizard.names}
                options={wizard.options}
                protectedBy={wizard.passwordNeeded ? (wizard.needs?.container ? 'Password-protected' : 'Encrypted (your passphrase)') : null}
              />
            )}
            {step !== 'source' && wizard.preview.error && <ErrorAlert error={wizard.preview.error} sx={{ mt: 2 }} testId="preview-error" />}
            {run.error && <ErrorAlert error={run.error} sx={{ mt: 2 }} testId="run-error" />}
          </>
        )}
      </Box>
      {!written && (
        <Box component="footer" data-testid="wizard-footer" sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 3, py: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <Button onClick={() => back && wizard.goTo(back)} disabled={!back || run.running}>
            Back
          </Button>
          <Typography variant="body2" color="text.secondary" sx={{ flex: 1, textAlign: 'right' }} data-testid="step-blocker">
            {blocker ?? ''}
          </Typography>
          {next ? (
            <Button variant="contained" onClick={() => wizard.goTo(next)} disabled={blocker !== null}>
              Next: {title(next)}
            </Button>
          ) : (
            <Button variant="contained" onClick={write} disabled={blocker !== null || run.running || !output.folder}>
              Write files
            </Button>
          )}
        </Box>
      )}
      {files.asking && <PasswordDialog doc={files.asking} busy={files.unlocking} progress={topProgress} onUnlock={(p) => void files.unlock(p)} onCancel={files.dismiss} onStop={() => topProgress && void client.call('operations.cancel', { operationId: topProgress.operationId }).catch(() => undefined)} />}
      {exists && (
        <ReplaceDialog
          error={exists.error}
          names={(preview?.files ?? []).map((f) => wizard.names[f.role]?.trim() || f.name)}
          busy={run.running}
          onReplace={() => void run.replace()}
          onCancel={run.cancelReplace}
        />
      )}
      {drop.dragging && <ConvertDropOverlay overCard={drop.overCard} />}
      <Snackbar open={wb.failure !== null} onClose={wb.clearFailure} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Box sx={{ maxWidth: 640 }}>{wb.failure && <ErrorAlert error={wb.failure} />}</Box>
      </Snackbar>
    </Box>
  );
}
