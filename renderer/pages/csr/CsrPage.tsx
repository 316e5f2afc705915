/**
 * New CSR: a wizard from "what is it for" to the saved CSR and key, checked by csr.check as the user types;
 * and "I got my certificate back", which finds the key a CA's reply belongs to and hands it to Convert.
 */
import { useEffect, useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Snackbar from '@mui/material/Snackbar';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useClient } from '../../api/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PasswordDialog } from '../../components/PasswordDialog';
import { usePageDrop } from '../../components/usePageDrop';
import { useNavigation } from '../../frame/navigation';
import { ReplaceDialog } from '../convert/ReplaceDialog';
import { useConvertFiles } from '../convert/useConvertFiles';
import { useOutputFolder } from '../convert/useOutputFolder';
import { useProgress } from '../inspect/useProgress';
import { useWorkbench } from '../inspect/useWorkbench';
import { CaReplyView } from './CaReplyView';
import { CsrDropOverlay } from './CsrDropOverlay';
import { looksLikeConfig } from './dropped';
import { keySpecOf, requestOf } from './form';
import { KeyStep } from './KeyStep';
import { openKeys } from './keys';
import { NamesStep } from './NamesStep';
import { createBlocker, problemPlaces } from './problems';
import { exportIntent } from './reply';
import { ReviewStep } from './ReviewStep';
import { baseNameFor, INITIAL_SAVE, plannedFiles, saveProblem, saveRequest, type SaveForm } from './save';
import { SavedView } from './SavedView';
import { SaveStep } from './SaveStep';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { nextStep, previousStep, STEPS, titleOf, type StepId } from './steps';
import { SubjectStep } from './SubjectStep';
import { valueOf } from './subject';
import { TemplateStep } from './TemplateStep';
import { useCaReply } from './useCaReply';
import { useCsrCheck } from './useCsrCheck';
import { useCsrMake } from './useCsrMake';
import { useCsrTemplates } from './useCsrTemplates';
import { useCsrWizard } from './useCsrWizard';

export function CsrPage() {
  const client = useClient();
  const wb = useWorkbench();
  const documents = wb.state.documents;
  const wizard = useCsrWizard();
  const templates = useCsrTemplates();
  const make = useCsrMake();
  const reply = useCaReply();
  const files = useConvertFiles(wb);
  const output = useOutputFolder();
  const progress = useProgress();
  const { navigate } = useNavigation();
  const [save, setSave] = useState<SaveForm>(INITIAL_SAVE);
  const [savingTemplate, setSavingTemplate] = useState(false);

  const { form, step } = wizard;
  const request = useMemo(() => requestOf(form), [form]);
  const checked = useCsrCheck(request);
  const places = useMemo(() => problemPlaces(checked.check?.problems ?? [], form), [checked.check, form]);
  const keys = useMemo(() => openKeys(documents), [documents]);
  const cn = valueOf(form.subject, 'CN');
  const requestKey = JSON.stringify(request);
  const created = make.created && make.createdFrom === requestKey ? make.created : null;
  const outdated = make.created !== null && created === null;
  const selfSigned = form.selfSign !== null;

  // The file name follows the common name until the user types one.
  useEffect(() => {
    if (created) setSave((s) => (s.baseName ? s : { ...s, baseName: baseNameFor(cn) }));
  }, [created, cn]);

  const openReply = async (list: File[]) => {
    wizard.setReplyMode(true);
    const ids = await files.open(list);
    if (ids.length) await reply.check(ids);
  };
  const onDrop = async (list: File[]) => {
    if (wizard.replyMode) return openReply(list);
    const first = list[0]!;
    const head = new Uint8Array(await first.slice(0, 64 * 1024).arrayBuffer());
    if (list.length === 1 && looksLikeConfig(head)) return wizard.importConfig(first);
    return openReply(list);
  };
  const drop = usePageDrop((list) => void onDrop(list));

  const topProgress = progress[0] ?? null;
  const stop = () => topProgress && void client.call('operations.cancel', { operationId: topProgress.operationId }).catch(() => undefined);
  const written = make.written;
  const blocker = step === 'review' && !created ? createBlocker(checked.check, checked.stale) : step === 'save' ? saveProblem(save, output.folder) : null;
  const next = nextStep(step);
  const back = previousStep(step);
  const canVisit = (id: StepId) => id !== 'save' || created !== null;

  const status = topProgress
    ? topProgress.label
    : wizard.replyMode
      ? 'I got my certificate back'
      : [form.origin, cn || null, selfSigned ? 'self-signed certificate' : null].filter(Boolean).join(' → ') || 'A key and a CSR a CA accepts the first time, or a self-signed certificate';

  // The new document (key, CSR) shows in Inspect and among the keys a CSR can reuse.
  const create = () => void make.create(request, cn ? baseNameFor(cn) : 'New CSR').then(() => wb.run('documents.list', {}));
  const another = () => {
    make.reset();
    wizard.reset();
    reply.reset();
    setSave(INITIAL_SAVE);
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="New CSR" statusTestId="csr-status" status={status}>
        {!wizard.replyMode && (
          <Button color="inherit" onClick={() => setSavingTemplate(true)}>
            Save as template
          </Button>
        )}
        <Button variant={wizard.replyMode ? 'outlined' : 'text'} onClick={() => wizard.setReplyMode(!wizard.replyMode)}>
          {wizard.replyMode ? 'Back to the CSR' : 'I got my certificate back'}
        </Button>
      </PageHeader>
      <Box sx={{ height: 4 }} role="status" aria-live="polite">
        {(make.creating || make.saving || files.opening || reply.checking || topProgress) && (
          <LinearProgress aria-label={topProgress?.label ?? 'Working'} variant={topProgress?.fraction != null ? 'determinate' : 'indeterminate'} value={(topProgress?.fraction ?? 0) * 100} />
        )}
      </Box>
      {wizard.replyMode ? (
        <Box component="section" aria-label="I got my certificate back" sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 3, py: 2 }}>
          <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 2 }}>
            I got my certificate back
          </Typography>
          <CaReplyView model={reply} documents={documents} onFiles={(list) => void openReply(list)} opening={files.opening} onExport={(exp) => reply.reply && navigate('convert', exportIntent(reply.reply, exp))} />
        </Box>
      ) : (
        <>
          <Stepper activeStep={written ? STEPS.length : STEPS.findIndex((s) => s.id === step)} nonLinear sx={{ px: 3, pt: 2, pb: 1 }} aria-label="Steps">
            {STEPS.map((s, i) => (
              <Step key={s.id} completed={written !== null || (i < STEPS.findIndex((x) => x.id === step) && s.id !== 'save')}>
                <StepButton disabled={!canVisit(s.id) || make.creating || written !== null} onClick={() => wizard.goTo(s.id)} data-step={s.id}>
                  {s.title}
                </StepButton>
              </Step>
            ))}
          </Stepper>
          <Box component="section" aria-label={written ? 'Saved' : titleOf(step)} sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 3, py: 2 }}>
            {written ? (
              <SavedView written={written} folder={make.exists?.request.destination.folder ?? output.folder ?? ''} selfSigned={selfSigned} onCaReply={() => wizard.setReplyMode(true)} onAnother={another} />
            ) : (
              <>
                <Typography variant="h5" component="h2" sx={{ fontWeight: 700, mb: 2 }}>
                  {titleOf(step)}
                </Typography>
                {step === 'template' && (
                  <TemplateStep
                    templates={templates.templates}
                    templatesError={templates.error}
                    chosen={form.origin}
                    onTemplate={wizard.chooseTemplate}
                    onDeleteTemplate={(t) => void templates.remove(t.id)}
                    onConfigFile={(f) => void wizard.importConfig(f)}
                    importing={wizard.imported.importing}
                    importWarnings={wizard.imported.warnings}
                    importError={wizard.imported.error}
                    onCaReply={() => wizard.setReplyMode(true)}
                  />
                )}
                {step === 'subject' && <SubjectStep subject={form.subject} onSubject={(subject) => wizard.change({ subject })} places={places} purpose={form.purpose} />}
                {step === 'names' && <NamesStep form={form} onForm={wizard.change} places={places} />}
                {step === 'key' && <KeyStep form={form} onForm={wizard.change} places={places} keys={keys} />}
                {step === 'review' && <ReviewStep check={checked.check} checkError={checked.error} selfSigned={selfSigned} onFix={wizard.goTo} created={created} outdated={outdated} createError={make.createError} />}
                {step === 'save' && created && (
                  <SaveStep form={save} onForm={(c) => setSave((s) => ({ ...s, ...c }))} folder={output.folder} canPick={output.canPick} onPick={() => void output.pick()} withCertificate={created.certificatePem !== null} reusedKey={'objectId' in form.key} />
                )}
                {make.saveError && step === 'save' && <ErrorAlert error={make.saveError} title="The files could not be saved" sx={{ mt: 2 }} testId="save-error" />}
              </>
            )}
          </Box>
          {!written && (
            <Box component="footer" data-testid="wizard-footer" sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 3, py: 1.5, borderTop: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
              <Button onClick={() => back && wizard.goTo(back)} disabled={!back || make.creating || make.saving}>
                Back
              </Button>
              <Typography variant="body2" color="text.secondary" sx={{ flex: 1, textAlign: 'right' }} data-testid="step-blocker">
                {blocker ?? ''}
              </Typography>
              {make.creating && (
                <Button onClick={stop} disabled={!topProgress}>
                  Stop
                </Button>
              )}
              {step === 'review' && !created ? (
                <Button variant="contained" onClick={create} disabled={blocker !== null || make.creating}>
                  {make.creating ? 'Making the key…' : selfSigned ? 'Create certificate' : 'Create CSR'}
                </Button>
              ) : step === 'save' ? (
                <Button variant="contained" onClick={() => created && output.folder && void make.save(saveRequest(save, created.documentId, output.folder))} disabled={blocker !== null || make.saving}>
                  Save {plannedFiles(save, created?.certificatePem != null).length === 1 ? 'the CSR' : 'files'}
                </Button>
              ) : (
                next && (
                  <Button variant="contained" onClick={() => wizard.goTo(next)}>
                    Next: {titleOf(next)}
                  </Button>
                )
              )}
            </Box>
          )}
        </>
      )}
      {savingTemplate && (
        <SaveTemplateDialog initialName={form.origin && !form.origin.includes('.') ? `${form.origin} (mine)` : cn || 'My template'} error={templates.error} onSave={(name, description) => templates.save(name, description, requestOf(form).spec, keySpecOf(form))} onClose={() => setSavingTemplate(false)} />
      )}
      {files.asking && <PasswordDialog doc={files.asking} busy={files.unlocking} progress={topProgress} onUnlock={(p) => void files.unlock(p)} onCancel={files.dismiss} onStop={stop} />}
      {make.exists && <ReplaceDialog error={make.exists.error} names={plannedFiles(save, created?.certificatePem != null).map((f) => f.name)} busy={make.saving} onReplace={() => void make.replace()} onCancel={make.cancelReplace} />}
      {drop.dragging && <CsrDropOverlay reply={wizard.replyMode} />}
      <Snackbar open={wb.failure !== null} onClose={wb.clearFailure} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Box sx={{ maxWidth: 640 }}>{wb.failure && <ErrorAlert error={wb.failure} />}</Box>
      </Snackbar>
    </Box>
  );
}
