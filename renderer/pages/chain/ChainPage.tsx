/**
 * Chain doctor: a server (host:port) or files in, the chain as a picture out, status first, with every problem,
 * its fix, the fixed chain to save and how to install it. Files open through the Inspector's read path (they
 * show in Inspect too); dropped on the page they are checked, dropped on "Trust" they become roots.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Snackbar from '@mui/material/Snackbar';
import type { ChainCheckRequest, WorkbenchState, WrittenFileDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HiddenFileInput } from '../../components/HiddenFileInput';
import { PageHeader } from '../../components/PageHeader';
import { PasswordDialog } from '../../components/PasswordDialog';
import { usePageDrop } from '../../components/usePageDrop';
import { useIntentFor, useNavigation } from '../../frame/navigation';
import { ReplaceDialog } from '../convert/ReplaceDialog';
import { useConvertFiles } from '../convert/useConvertFiles';
import { useOutputFolder } from '../convert/useOutputFolder';
import { useProgress } from '../inspect/useProgress';
import { useWorkbench } from '../inspect/useWorkbench';
import { ChainDropOverlay } from './ChainDropOverlay';
import { ChainResult } from './ChainResult';
import { CheckForm } from './CheckForm';
import { FileLists, type FileRole } from './FileLists';
import { INITIAL_FORM, requestOf, withIds, type ChainForm } from './form';
import { initialCard } from './report';
import { useChainCheck } from './useChainCheck';
import { useSaveFixed } from './useSaveFixed';
import { fixedChainFileName } from './words';

const newIds = (before: WorkbenchState, after: WorkbenchState) => {
  const known = new Set(before.documents.map((d) => d.id));
  return after.documents.filter((d) => !known.has(d.id)).map((d) => d.id);
};

const openSets = (state: WorkbenchState) => ({ documents: new Set(state.documents.map((d) => d.id)), objects: new Set(state.documents.flatMap((d) => d.objects.map((o) => o.id))) });

export function ChainPage() {
  const client = useClient();
  const wb = useWorkbench();
  const files = useConvertFiles(wb);
  const output = useOutputFolder();
  const progress = useProgress();
  const checker = useChainCheck();
  const save = useSaveFixed();
  const { consume } = useNavigation();
  const intent = useIntentFor('chain');
  const [form, setForm] = useState<ChainForm>(INITIAL_FORM);
  const [tried, setTried] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [fileName, setFileName] = useState('');
  const [rechecking, setRechecking] = useState(false);
  const inputFiles = useRef<HTMLInputElement>(null);
  const trustFiles = useRef<HTMLInputElement>(null);

  const documents = wb.state.documents;
  const objects = useMemo(() => new Map(documents.flatMap((d) => d.objects.map((o) => [o.id, o] as const))), [documents]);
  const outcome = requestOf(form, openSets(wb.state));
  const change = useCallback((patch: Partial<ChainForm>) => setForm((f) => ({ ...f, ...patch })), []);

  const { check: checkChain } = checker;
  const { reset: resetSave } = save;
  const run = useCallback(
    async (request: ChainCheckRequest) => {
      resetSave();
      const report = await checkChain(request);
      if (!report) return;
      setSelected(initialCard(report));
      setFileName(fixedChainFileName(report.chain[0]?.subject ?? null));
    },
    [checkChain, resetSave],
  );

  const check = () => {
    setTried(true);
    if (outcome.request) void run(outcome.request);
  };

  // From the Inspector (these files or certificates) or the Expiry page (a watched server), checked at once.
  useEffect(() => {
    if (!intent) return;
    consume();
    const server = intent.server;
    const next: ChainForm = {
      ...INITIAL_FORM,
      inputDocumentIds: intent.documentIds ?? [],
      inputObjectIds: intent.objectIds ?? [],
      ...(server ? { target: server.target, servername: server.servername ?? '', starttls: server.starttls ?? '' } : {}),
    };
    setForm(next);
    const out = requestOf(next, openSets(wb.state));
    if (out.request) void run(out.request);
  }, [intent, consume, run, wb.state]);

  const addDocuments = useCallback((ids: string[], role: FileRole) => {
    if (ids.length === 0) return;
    setForm((f) => (role === 'trust' ? { ...f, trustDocumentIds: withIds(f.trustDocumentIds, ids) } : { ...f, inputDocumentIds: withIds(f.inputDocumentIds, ids) }));
  }, []);

  const openFiles = async (list: File[], role: FileRole) => addDocuments(await files.open(list), role);
  const drop = usePageDrop((list, card) => void openFiles(list, card === 'trust' ? 'trust' : 'input'));

  const pick = async (role: FileRole) => {
    if (!client.pickFiles) {
      (role === 'trust' ? trustFiles : inputFiles).current?.click();
      return;
    }
    const paths = await client.pickFiles();
    if (paths.length === 0) return;
    const before = wb.state;
    const next = await wb.run('documents.openPaths', { paths });
    if (next) addDocuments(newIds(before, next), role);
  };

  const saveFixed = () => {
    const report = checker.report;
    if (!report || !output.folder) return;
    void save.save({ reportId: report.reportId, destination: { folder: output.folder, fileName: fileName.trim() } });
  };

  // "Check the saved chain": the written file as the input, the same name checked, the same trust.
  const recheck = async (written: WrittenFileDto) => {
    const hostName = checker.report?.hostName ?? '';
    setRechecking(true);
    const before = wb.state;
    const next = await wb.run('documents.openPaths', { paths: [written.path] });
    setRechecking(false);
    if (!next) return;
    const nextForm: ChainForm = { ...form, target: '', servername: '', starttls: '', hostName, inputDocumentIds: newIds(before, next), inputObjectIds: [] };
    setForm(nextForm);
    const out = requestOf(nextForm, openSets(next));
    if (out.request) void run(out.request);
  };

  const topProgress = progress[0] ?? null;
  const report = checker.report;
  const status = topProgress
    ? topProgress.label
    : checker.running
      ? 'Checking…'
      : checker.error
        ? `Could not check: ${checker.error.message}`
        : report
          ? report.verdict.message
          : 'Why does the platform say the certificate is not valid? A server or files in, the chain and its fixes out';
  const stop = () => topProgress && void client.call('operations.cancel', { operationId: topProgress.operationId }).catch(() => undefined);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <HiddenFileInput inputRef={inputFiles} testId="chain-input-file" multiple onFiles={(list) => void openFiles(list, 'input')} />
      <HiddenFileInput inputRef={trustFiles} testId="chain-trust-file" multiple onFiles={(list) => void openFiles(list, 'trust')} />
      <PageHeader title="Chain doctor" statusTestId="chain-status" status={status}>
        {checker.running && (
          <Button color="inherit" onClick={stop} disabled={!topProgress}>
            Stop
          </Button>
        )}
      </PageHeader>
      <Box sx={{ height: 4 }} role="status" aria-live="polite">
        {(checker.running || files.opening || rechecking) && (
          <LinearProgress aria-label={topProgress?.label ?? 'Checking'} variant={topProgress?.fraction != null ? 'determinate' : 'indeterminate'} value={(topProgress?.fraction ?? 0) * 100} />
        )}
      </Box>
      <Box sx={{ flex: 1, minHeight: 0, overflow: 'auto', px: 3, py: 2, display: 'grid', gap: 2, alignContent: 'start' }}>
        <CheckForm form={form} onChange={change} onCheck={check} running={checker.running} blocker={outcome.blocker} showBlocker={tried} />
        <FileLists documents={documents} objects={objects} form={form} onChange={change} onOpen={(role) => void pick(role)} opening={files.opening} />
        {checker.error && <ErrorAlert error={checker.error} testId="chain-error" />}
        {checker.stopped && (
          <Alert severity="info" data-testid="chain-stopped">
            Stopped. Nothing more is downloaded; check again when you are ready.
          </Alert>
        )}
        {report && !checker.running && (
          <ChainResult
            report={report}
            selected={selected}
            onSelect={setSelected}
            save={save}
            fileName={fileName}
            onFileName={setFileName}
            folder={output.folder}
            canPick={output.canPick}
            onPick={() => void output.pick()}
            onSave={saveFixed}
            onRecheck={(w) => void recheck(w)}
            rechecking={rechecking}
          />
        )}
      </Box>
      {files.asking && <PasswordDialog doc={files.asking} busy={files.unlocking} progress={topProgress} onUnlock={(p) => void files.unlock(p)} onCancel={files.dismiss} onStop={stop} />}
      {save.exists && <ReplaceDialog error={save.exists.error} names={[save.exists.request.destination.fileName]} busy={save.saving} onReplace={() => void save.replace()} onCancel={save.cancelReplace} />}
      {drop.dragging && <ChainDropOverlay overCard={drop.overCard} />}
      <Snackbar open={wb.failure !== null} onClose={wb.clearFailure} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Box sx={{ maxWidth: 640 }}>{wb.failure && <ErrorAlert error={wb.failure} />}</Box>
      </Snackbar>
    </Box>
  );
}
