/** Inspect: open anything (drop, dialog, paste), see what is inside, status first. */
import { useCallback, useMemo, useRef, useState } from 'react';
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
import type { ObjectDto, WorkbenchState } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { DetailPane } from './DetailPane';
import { DocumentCard } from './DocumentCard';
import { DropOverlay } from './DropOverlay';
import { DropZone } from './DropZone';
import { PasswordDialog } from './PasswordDialog';
import { PasteDialog } from './PasteDialog';
import { openRequestsFor } from './readFiles';
import { usePasswordPrompt } from './usePasswordPrompt';
import { useProgress } from './useProgress';
import { useShortcuts } from './useShortcuts';
import { useWindowDrop } from './useWindowDrop';
import { useWorkbench } from './useWorkbench';

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export function InspectPage({ active, onShow }: { active: boolean; onShow: () => void }) {
  const client = useClient();
  const wb = useWorkbench();
  const progress = useProgress();
  const documents = wb.state.documents;
  const prompt = usePasswordPrompt(documents);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focusedDocId, setFocusedDocId] = useState<string | null>(null);
  const [pasteOpen, setPasteOpen] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const pasteCount = useRef(0);

  const all = useMemo(() => new Map<string, ObjectDto>(documents.flatMap((d) => d.objects.map((o) => [o.id, o] as const))), [documents]);
  const selected = (selectedId && all.get(selectedId)) || null;

  /** After opening, show the first object of the first new document. */
  const after = useCallback(
    (before: WorkbenchState, next: WorkbenchState | null) => {
      if (!next) return;
      const known = new Set(before.documents.map((d) => d.id));
      const fresh = next.documents.filter((d) => !known.has(d.id));
      const first = fresh.find((d) => d.objects.length > 0)?.objects[0];
      if (first) setSelectedId(first.id);
      if (fresh[0]) setFocusedDocId(fresh[0].id);
    },
    [],
  );

  const openFiles = useCallback(
    async (files: File[]) => {
      onShow();
      const before = wb.state;
      for (const r of await openRequestsFor(files, client)) {
        const next = r.kind === 'paths' ? await wb.run('documents.openPaths', { paths: r.paths }) : await wb.run('documents.openData', { name: r.name, dataBase64: r.dataBase64 });
        after(before, next);
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
      if (selected && selected.id.startsWith(`${documentId}/`)) setSelectedId(null);
    },
    [wb, selected],
  );

  const currentDocId = (selected && documents.find((d) => d.objects.includes(selected))?.id) || (documents.some((d) => d.id === focusedDocId) ? focusedDocId : null) || documents.at(-1)?.id || null;

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
    setUnlocking(true);
    const next = await wb.run('documents.unlock', { documentId: doc.id, password });
    setUnlocking(false);
    const opened = next?.documents.find((d) => d.id === doc.id);
    if (opened?.status === 'ready' && opened.objects[0]) setSelectedId(opened.objects[0].id);
  };

  const busy = wb.pending > 0;
  const topProgress = progress[0] ?? null;
  const stopUnlock = async () => {
    if (topProgress) await client.call('operations.cancel', { operationId: topProgress.operationId }).catch(() => undefined);
  };

  return (
    <Box sx={{ display: active ? 'flex' : 'none', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = '';
          void openFiles(files);
        }}
      />
      <Box component="header" sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 3, py: 1.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Typography variant="h6" component="h1" sx={{ fontWeight: 700, mr: 1 }}>
          Inspect
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} noWrap data-testid="header-status">
          {topProgress ? topProgress.label : documents.length === 0 ? 'Open a file to see what is inside' : `${documents.length} file${documents.length === 1 ? '' : 's'} open · drop more anywhere`}
        </Typography>
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
      </Box>
      <Box sx={{ height: 4 }} role="status" aria-live="polite">
        {(busy || topProgress) && <LinearProgress aria-label={topProgress?.label ?? 'Working'} />}
      </Box>

      {documents.length === 0 ? (
        <DropZone onOpen={() => void openDialog()} onPaste={() => setPasteOpen(true)} mod={MOD} />
      ) : (
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
          <Box component="aside" aria-label="Open files" sx={{ width: 400, flexShrink: 0, overflow: 'auto', p: 1.5, display: 'flex', flexDirection: 'column', gap: 1.5, borderRight: 1, borderColor: 'divider' }}>
            {documents.map((d) => (
              <DocumentCard
                key={d.id}
                doc={d}
                all={all}
                selectedId={selectedId}
                current={d.id === currentDocId}
                onSelect={setSelectedId}
                onClose={closeDocument}
                onUnlock={prompt.ask}
                onFocusDocument={setFocusedDocId}
              />
            ))}
          </Box>
          <Box sx={{ flex: 1, minWidth: 0, bgcolor: 'background.paper' }}>
            {selected ? (
              <DetailPane key={selected.id} object={selected} all={all} onJump={setSelectedId} />
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

      {prompt.doc && <PasswordDialog doc={prompt.doc} busy={unlocking} progress={topProgress} onUnlock={(p) => void unlock(p)} onCancel={prompt.dismiss} onStop={() => void stopUnlock()} />}
      <PasteDialog
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onOpenText={(text) => {
          setPasteOpen(false);
          void openText(text);
        }}
      />
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
