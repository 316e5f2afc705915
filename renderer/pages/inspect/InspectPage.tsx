/** Inspect: open anything (drop, dialog, paste), see what is inside, status first. */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import UploadIcon from '@mui/icons-material/FileOpenOutlined';
import PasteIcon from '@mui/icons-material/ContentPaste';
import ClearAllIcon from '@mui/icons-material/ClearAll';
import type { DocumentDto, WorkbenchState } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { DetailPane } from './DetailPane';
import { DropOverlay } from './DropOverlay';
import { DropZone } from './DropZone';
import { EMPTY_QUERY, isFiltering, kindCounts, type ListQuery } from './filter';
import { copiesOf, type LinkContext } from './links';
import { ListToolbar } from './ListToolbar';
import { certificatesBySubject, documentNextSteps, objectNextSteps, type NextStepContext } from './nextSteps';
import { NextStepsMenu, type MenuRequest } from './NextStepsMenu';
import { buildList, type FileEntry } from './listItems';
import { ObjectList, type RevealRequest } from './ObjectList';
import { PasswordDialog } from '../../components/PasswordDialog';
import { PasteDialog } from './PasteDialog';
import { openRequestsFor } from './readFiles';
import type { ObjectSummaryDto as RowData } from '../../../main/api/dto';
import { useObjectDetails } from './useObjectDetails';
import { usePasswordPrompt } from './usePasswordPrompt';
import { useProgress } from './useProgress';
import { useShortcuts } from './useShortcuts';
import { useWindowDrop } from './useWindowDrop';
import { useWorkbench } from './useWorkbench';
import { useChainVerdict } from './useChainVerdict';
import { useIntentFor, useNavigation } from '../../frame/navigation';
import type { OpenRows } from './verdict';
import { PageHeader } from '../../components/PageHeader';
import { HiddenFileInput } from '../../components/HiddenFileInput';

/** Below this many objects the list needs no search or filters. */
const TOOLBAR_FROM = 6;

/** The cheap per-file chain verdict main sends with each file. */
const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export function InspectPage({ active, onShow }: { active: boolean; onShow: () => void }) {
  const client = useClient();
  const wb = useWorkbench();
  const progress = useProgress();
  const documents = wb.state.documents;
  /** Opens of files in progress (a batch arrives file by file; prompts wait for all of it). */
  const [opening, setOpening] = useState(0);
  // Files opened on another page (Convert) ask for their password there; here once Inspect is shown again.
  const prompt = usePasswordPrompt(documents, opening === 0 && active);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusedDocId, setFocusedDocId] = useState<string | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteCount = useRef(0);

  const [query, setQuery] = useState<ListQuery>(EMPTY_QUERY);
  // Typing stays responsive while a big list filters behind it.
  const deferredQuery = useDeferredValue(query);
  const [reveal, setReveal] = useState<RevealRequest | null>(null);
  const revealCount = useRef(0);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const fold = useCallback((documentId: string) => setFolded((prev) => toggled(prev, documentId)), []);
  const show = useCallback((id: string, focus: boolean) => {
    // Jumping to an object (a match chip, a new file) unfolds the file that holds it.
    const documentId = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : null;
    if (documentId) setFolded((prev) => (prev.has(documentId) ? toggled(prev, documentId) : prev));
    setReveal({ id, focus, nonce: ++revealCount.current });
  }, []);
  /** Bumped by every open: a late unlock result does not move the selection after the user moved on. */
  const generation = useRef(0);

  const files = useMemo((): FileEntry<DocumentDto>[] => documents.map((doc) => ({ doc, rows: doc.objects })), [documents]);
  const allRows = useMemo(() => files.flatMap((f) => f.rows), [files]);
  const openRows = useMemo((): OpenRows => {
    const byId = new Map<string, RowData>(allRows.map((r) => [r.id, r]));
    return { byId, groups: new Map(wb.state.matchGroups.map((g) => [g.id, g])), privateKeys: allRows.filter((r) => r.kind === 'privateKey'), leafCertificates: allRows.filter((r) => r.kind === 'certificate' && !r.isCA && !r.duplicateOf) };
  }, [allRows, wb.state.matchGroups]);
  const stepContext = useMemo((): NextStepContext => ({ byId: openRows.byId, groups: openRows.groups, bySubject: certificatesBySubject(allRows) }), [openRows, allRows]);
  const links = useMemo((): LinkContext => ({ ...openRows, fileNames: new Map(documents.map((d) => [d.id, d.name])), copies: copiesOf(allRows) }), [openRows, documents, allRows]);
  const model = useMemo(() => buildList(files, deferredQuery, folded), [files, deferredQuery, folded]);
  const kinds = useMemo(() => kindCounts(allRows), [allRows]);
  const selectedRow = selectedId ? openRows.byId.get(selectedId) : undefined;
  const selectedSteps = useMemo(() => (selectedRow ? objectNextSteps(selectedRow, stepContext) : []), [selectedRow, stepContext]);
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const openMenu = useCallback(
    (id: string, position: MenuRequest['position']) => {
      const doc = documents.find((d) => d.id === id);
      const row = doc ? undefined : stepContext.byId.get(id);
      const steps = doc ? documentNextSteps(doc) : row ? objectNextSteps(row, stepContext) : [];
      if (steps.length) setMenu({ title: `Next steps for ${doc ? doc.name : row!.label}`, steps, position });
    },
    [documents, stepContext],
  );
  const selected = useObjectDetails(selectedRow, selectedRow?.matchGroup ? openRows.groups.get(selectedRow.matchGroup) : undefined);
  const chainVerdict = useChainVerdict(selectedRow?.documentId ?? null, documents);
  const chainVerdictFile = chainVerdict ? documents.find((d) => d.id === chainVerdict.documentId)?.name : undefined;

  /** After opening, show the first new file (scrolled into view) and select its first object. */
  const after = useCallback(
    (before: WorkbenchState, next: WorkbenchState | null) => {
      if (!next) return;
      generation.current += 1;
      const known = new Set(before.documents.map((d) => d.id));
      const fresh = next.documents.filter((d) => !known.has(d.id));
      const first = fresh.find((d) => d.objects.length > 0)?.objects[0];
      if (first) setSelectedId(first.id);
      if (fresh[0]) {
        setFocusedDocId(fresh[0].id);
        show(fresh[0].id, false);
      }
    },
    [show],
  );

  const openFiles = useCallback(
    async (files: File[]) => {
      onShow();
      const before = wb.state;
      setOpening((n) => n + 1);
      try {
        for (const r of await openRequestsFor(files, client)) {
          const next = r.kind === 'paths' ? await wb.run('documents.openPaths', { paths: r.paths }) : await wb.run('documents.openData', { name: r.name, dataBase64: r.dataBase64 });
          after(before, next);
        }
      } finally {
        setOpening((n) => n - 1);
      }
    },
    [client, wb, after, onShow],
  );

  const openDialog = useCallback(async () => {
    if (client.pickFiles) {
      const paths = await client.pickFiles();
      if (paths.length === 0) return;
      const before = wb.state;
      after(before, await wb.run('documents.openPaths', { paths }));
    } else fileInput.current?.click();
  }, [client, wb, after]);

  const openText = useCallback(
    async (text: string) => {
      pasteCount.current += 1;
      const before = wb.state;
      after(before, await wb.run('documents.openText', { name: pasteCount.current === 1 ? 'Pasted text' : `Pasted text ${pasteCount.current}`, text }));
    },
    [wb, after],
  );

  const closeDocument = useCallback(
    (documentId: string) => {
      void wb.run('documents.close', { documentId });
      setSelectedId((id) => (id?.startsWith(`${documentId}/`) ? null : id));
    },
    [wb],
  );

  // From the Chain doctor's "Show in Inspector": select that object and bring it into view.
  const { consume } = useNavigation();
  const inspectIntent = useIntentFor('inspect');
  useEffect(() => {
    if (!inspectIntent) return;
    consume();
    setSelectedId(inspectIntent.objectId);
    show(inspectIntent.objectId, true);
  }, [inspectIntent, consume, show]);

  const currentDocId = selectedRow?.documentId || (documents.some((d) => d.id === focusedDocId) ? focusedDocId : null) || documents.at(-1)?.id || null;

  const dragging = useWindowDrop((files) => void openFiles(files));
  useShortcuts(active, {
    open: () => void openDialog(),
    closeCurrent: () => currentDocId && closeDocument(currentDocId),
    pasteText: (text) => {
      if (text.includes('-----BEGIN')) void openText(text);
      else setNotice('The clipboard holds no PEM text (it should contain a “-----BEGIN …” line).');
    },
  });

  const unlock = async (password: string) => {
    const doc = prompt.doc;
    if (!doc) return;
    const started = generation.current;
    setUnlocking(true);
    const next = await wb.run('documents.unlock', { documentId: doc.id, password });
    setUnlocking(false);
    const opened = next?.documents.find((d) => d.id === doc.id);
    // Focus moves to the result, unless the user has opened something else meanwhile.
    if (opened?.status === 'ready' && opened.objects[0] && started === generation.current) {
      setSelectedId(opened.objects[0].id);
      show(opened.objects[0].id, true);
    }
  };

  const cancelPrompt = () => {
    const doc = prompt.doc;
    prompt.dismiss();
    if (doc) show(doc.id, true);
  };

  const askPassword = prompt.ask;
  const select = useCallback((id: string) => setSelectedId(id), []);
  const jump = useCallback(
    (id: string) => {
      setSelectedId(id);
      show(id, false);
    },
    [show],
  );
  const filtering = isFiltering(deferredQuery);

  const busy = wb.pending > 0;
  const topProgress = progress[0] ?? null;
  const stopUnlock = async () => {
    if (topProgress) await client.call('operations.cancel', { operationId: topProgress.operationId }).catch(() => undefined);
  };

  return (
    <Box sx={{ display: active ? 'flex' : 'none', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <HiddenFileInput inputRef={fileInput} testId="file-input" multiple onFiles={(files) => void openFiles(files)} />
      <PageHeader title="Inspect" statusTestId="header-status" status={topProgress ? topProgress.label : documents.length === 0 ? 'Open a file to see what is inside' : `${documents.length} file${documents.length === 1 ? '' : 's'} open · drop more anywhere`}>
        <Button variant="contained" startIcon={<UploadIcon />} onClick={() => void openDialog()} title={`${MOD}+O`}>
          Open files…
        </Button>
        <Button variant="outlined" startIcon={<PasteIcon />} onClick={() => setPasteOpen(true)} title={`${MOD}+V`}>
          Paste PEM
        </Button>
        {documents.length > 0 && (
          <Button startIcon={<ClearAllIcon />} onClick={() => void wb.run('documents.closeAll', {}).then(() => setSelectedId(null))}>
            Close all
          </Button>
        )}
      </PageHeader>
      <Box sx={{ height: 4 }} role="status" aria-live="polite">
        {(busy || topProgress) && <LinearProgress aria-label={topProgress?.label ?? 'Working'} />}
      </Box>

      {documents.length === 0 ? (
        <DropZone onOpen={() => void openDialog()} onPaste={() => setPasteOpen(true)} mod={MOD} />
      ) : (
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <Box component="aside" aria-label="Open files" sx={{ width: 440, flexShrink: 0, display: 'flex', flexDirection: 'column', borderRight: 1, borderColor: 'divider' }}>
            {model.total >= TOOLBAR_FROM && <ListToolbar query={query} onChange={setQuery} kinds={kinds} shown={model.shown} total={model.total} />}
            <ObjectList
              model={model}
              links={links}
              selectedId={selectedId}
              currentDocId={currentDocId}
              filtering={filtering}
              reveal={reveal}
              scrollKey={deferredQuery}
              onSelect={select}
              onJump={jump}
              onClose={closeDocument}
              onUnlock={askPassword}
              onFold={fold}
              onFocusDocument={setFocusedDocId}
              onMenu={openMenu}
            />
          </Box>
          <Box sx={{ flex: 1, minWidth: 0, bgcolor: 'background.paper' }}>
            {selected ? (
              <DetailPane
                key={selected.id}
                object={selected}
                row={openRows.byId.get(selected.id)}
                open={openRows}
                links={links}
                onJump={jump}
                steps={selectedSteps}
                chainVerdict={chainVerdict && chainVerdictFile ? { verdict: chainVerdict, fileName: chainVerdictFile } : null}
              />
            ) : (
              <Box sx={{ p: 4, color: 'text.secondary' }}>
                <Typography>
                  {documents.some((d) => d.status === 'locked')
                    ? 'Enter the password of a locked file to see what is inside.'
                    : documents.some((d) => d.objects.length > 0)
                      ? 'Select something on the left to see its details.'
                      : 'Nothing to show: see the message on the left.'}
                </Typography>
              </Box>
            )}
          </Box>
        </Box>
      )}

      {active && prompt.doc && <PasswordDialog doc={prompt.doc} busy={unlocking} progress={topProgress} onUnlock={(p) => void unlock(p)} onCancel={cancelPrompt} onStop={() => void stopUnlock()} />}
      <PasteDialog
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onOpenText={(text) => {
          setPasteOpen(false);
          void openText(text);
        }}
      />
      <NextStepsMenu request={menu} onClose={() => setMenu(null)} />
      {dragging && <DropOverlay />}
      <Snackbar open={wb.failure !== null} onClose={wb.clearFailure} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="error" onClose={wb.clearFailure} variant="filled" sx={{ maxWidth: 640 }}>
          <AlertTitle>{wb.failure?.message}</AlertTitle>
          {wb.failure?.hint}
        </Alert>
      </Snackbar>
      <Snackbar open={notice !== null} autoHideDuration={5000} onClose={() => setNotice(null)} message={notice} />
    </Box>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(id)) next.add(id);
  return next;
}
