/**
 * Keystores: JKS, JCEKS and PKCS#12 keystores as editable documents. The open keystores are tabs; the
 * current one shows its entries (table) and the selected entry (side panel); every action is a small dialog.
 * The keystores and their passwords live in main; this page only holds which one is shown and what is asked.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import NewIcon from '@mui/icons-material/AddBoxOutlined';
import TruststoreIcon from '@mui/icons-material/VerifiedUserOutlined';
import type { DocumentDto, ErrorInfo, KeystoreDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { useIntentFor, useNavigation } from '../../frame/navigation';
import { AddTrustedDialog } from './AddTrustedDialog';
import { AskPasswordDialog } from './AskPasswordDialog';
import { CaReplyWizard } from './CaReplyWizard';
import { ConfirmDialog } from './ConfirmDialog';
import { EmptyState } from './EmptyState';
import { EntriesTable } from './EntriesTable';
import { EntryDetails } from './EntryDetails';
import { EntryMenu, type EntryAction } from './EntryMenu';
import { ImportKeyPairDialog } from './ImportKeyPairDialog';
import { KeyPasswordDialog } from './KeyPasswordDialog';
import { KeystoreTabs } from './KeystoreTabs';
import { KeystoreDropOverlay } from './KeystoreDropOverlay';
import { KeystoreToolbar, type KeystoreAction } from './KeystoreToolbar';
import { NewTruststoreDialog } from './NewTruststoreDialog';
import { OpenFileButton } from './OpenFileButton';
import { RenameDialog } from './RenameDialog';
import { SaveDialog } from './SaveDialog';
import { TargetKeystoreDialog } from './TargetKeystoreDialog';
import { usePageDrop } from '../../components/usePageDrop';
import { useKeystores } from './useKeystores';
import { useOpenDocuments } from './useOpenDocuments';
import { PageHeader } from '../../components/PageHeader';

/** Formats main opens with a store password; anything else (PEM sets, keys) opens as it is. */
const KEYSTORE_FORMATS = new Set(['jks', 'jceks', 'pkcs12']);
const PASSWORD_ERRORS = new Set(['PASSWORD_REQUIRED', 'WRONG_PASSWORD']);

type Asking =
  | { type: 'open-password'; doc: DocumentDto }
  | { type: 'unlock-entry'; alias: string }
  | { type: 'add-trusted'; initial?: string[] }
  | { type: 'import-key'; initialKey?: string }
  | { type: 'ca-reply'; alias?: string }
  | { type: 'rename'; alias: string }
  | { type: 'delete'; alias: string }
  | { type: 'key-password'; alias: string }
  | { type: 'save' }
  | { type: 'close' }
  | { type: 'new-truststore' }
  | { type: 'target'; objectIds: string[] };

export function KeystoresPage() {
  const client = useClient();
  const model = useKeystores();
  const docs = useOpenDocuments();
  const { consume } = useNavigation();
  const intent = useIntentFor('keystores');
  const [currentId, setCurrentId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Record<string, string | null>>({});
  const [asking, setAsking] = useState<Asking | null>(null);
  const [menu, setMenu] = useState<{ alias: string; anchor: { x: number; y: number } | HTMLElement } | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shownFailure = failure ?? docs.failure;
  const clearFailure = () => (setFailure(null), docs.clearFailure());

  const keystores = model.keystores;
  const current = keystores.find((k) => k.id === currentId) ?? keystores.at(-1) ?? null;
  const selectedAlias = current ? (selected[current.id] ?? null) : null;
  const entry = current?.entries.find((e) => e.alias === selectedAlias) ?? null;
  const select = useCallback((alias: string | null) => current && setSelected((s) => ({ ...s, [current.id]: alias })), [current]);
  const show = (ks: KeystoreDto, alias?: string) => {
    setCurrentId(ks.id);
    setSelected((s) => ({ ...s, [ks.id]: alias ?? s[ks.id] ?? ks.entries[0]?.alias ?? null }));
  };

  // ---- opening ----

  const openAsKeystore = useCallback(
    async (doc: DocumentDto, password?: string): Promise<ErrorInfo | null> => {
      if (password !== undefined && !KEYSTORE_FORMATS.has(doc.format ?? '') && doc.status === 'locked') {
        const unlocked = await docs.unlock(doc.id, password);
        if (!unlocked) return { code: 'INTERNAL', message: `${doc.name} could not be unlocked.`, hint: 'See the message at the bottom of the window.' };
        if (unlocked.status === 'locked') return { code: 'WRONG_PASSWORD', message: unlocked.lock?.message ?? 'The password is not right.', hint: unlocked.lock?.hint ?? 'Check the password and try again.' };
        password = undefined;
      }
      const outcome = await model.call('keystores.open', { documentId: doc.id, ...(password !== undefined ? { password } : {}) });
      if (!outcome.ok) return outcome.error;
      show(outcome.value);
      return null;
    },
    [docs, model],
  );

  /** A document becomes a keystore: straight away when it needs no password, else after asking for it. */
  const openDocument = useCallback(
    async (doc: DocumentDto) => {
      if (doc.status === 'error') return setFailure(doc.error);
      if (doc.status === 'locked' || doc.lock !== null) return setAsking({ type: 'open-password', doc });
      // Read without a password already (a PEM set, an unlocked PFX): main may still want it (a Java keystore does).
      const error = await openAsKeystore(doc);
      if (error && PASSWORD_ERRORS.has(error.code)) setAsking({ type: 'open-password', doc });
      else if (error) setFailure(error);
    },
    [openAsKeystore],
  );

  const opened = (documents: DocumentDto[]) => {
    if (documents.length === 0) return;
    void openDocument(documents[0]!);
  };

  // Dropped with a dialog open, files join the open ones the dialog chooses from; otherwise the first one opens as a keystore.
  const { dragging } = usePageDrop((files) => {
    void docs.openFiles(files).then((documents) => documents && !asking && opened(documents));
  });

  const create = async (kind: 'jks' | 'pkcs12', name: string) => {
    const outcome = await model.call('keystores.create', { kind, name });
    if (!outcome.ok) {
      setFailure(outcome.error);
      return null;
    }
    show(outcome.value);
    return outcome.value;
  };

  // ---- the Inspector's intents: taken once, after the open keystores are known ----

  const took = useRef(false);
  useEffect(() => {
    if (!intent || !model.loaded || took.current) return;
    took.current = true;
    consume();
    void (async () => {
      if (intent.documentId) {
        const list = await client.call('documents.list', {}).catch(() => null);
        const doc = list?.documents.find((d) => d.id === intent.documentId);
        if (doc) await openDocument(doc);
        else setFailure({ code: 'NOT_FOUND', message: 'That file is no longer open.', hint: 'Open it again in Inspect, or with Open keystore… here.' });
      } else if (intent.trustedObjectIds?.length) {
        setAsking({ type: 'target', objectIds: intent.trustedObjectIds });
      } else if (intent.keyObjectId) {
        const target = current ?? (await create('jks', 'keystore'));
        if (target) setAsking({ type: 'import-key', initialKey: intent.keyObjectId });
      }
      took.current = false;
    })();
    // Only a new intent (or the first list) starts this; the helpers it calls change on every render.
  }, [intent, model.loaded]);

  // ---- actions ----

  const keystoreAction = (action: KeystoreAction) => {
    if (!current) return;
    if (action === 'close') {
      if (current.dirty) setAsking({ type: 'close' });
      else void closeKeystore(current);
    } else setAsking({ type: action });
  };

  const entryAction = (action: EntryAction, alias = selectedAlias) => {
    if (!alias) return;
    if (action === 'unlock') setAsking({ type: 'unlock-entry', alias });
    else if (action === 'ca-reply') setAsking({ type: 'ca-reply', alias });
    else setAsking({ type: action, alias });
  };

  const closeKeystore = async (ks: KeystoreDto) => {
    const outcome = await model.call('keystores.close', { keystoreId: ks.id });
    if (!outcome.ok) return setFailure(outcome.error);
    setAsking(null);
    if (currentId === ks.id) setCurrentId(null);
  };

  const deleteEntry = async (alias: string) => {
    if (!current) return;
    const index = current.entries.findIndex((e) => e.alias === alias);
    const outcome = await model.call('keystores.delete', { keystoreId: current.id, aliases: [alias] });
    if (!outcome.ok) return setFailure(outcome.error);
    setAsking(null);
    const next = outcome.value.entries;
    select(next[Math.min(index, next.length - 1)]?.alias ?? null);
    setNotice(`Deleted “${alias}”. Save the keystore to keep the change.`);
  };

  const done = (alias?: string) => {
    setAsking(null);
    if (alias) select(alias);
  };

  const menuEntry = menu && current?.entries.find((e) => e.alias === menu.alias);
  const startButtons = (
    <>
      <OpenFileButton docs={docs} onOpened={opened} testId="keystore-file-input" variant="contained">
        Open keystore…
      </OpenFileButton>
      <Button variant="outlined" startIcon={<NewIcon />} onClick={() => void create('jks', 'keystore')}>
        New keystore
      </Button>
      <Button variant="outlined" startIcon={<TruststoreIcon />} onClick={() => setAsking({ type: 'new-truststore' })}>
        New truststore from CA certificates
      </Button>
    </>
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <PageHeader title="Keystores" statusTestId="keystores-status" status={keystores.length === 0 ? 'Java keystores and truststores, opened for editing' : `${keystores.length} open${keystores.some((k) => k.dirty) ? ' · unsaved changes' : ''}`}>
        {keystores.length > 0 && startButtons}
      </PageHeader>
      <Box sx={{ height: 4 }} role="status" aria-live="polite">
        {model.pending > 0 && <LinearProgress aria-label="Working" />}
      </Box>

      {!current ? (
        <EmptyState actions={startButtons} />
      ) : (
        <>
          <KeystoreTabs keystores={keystores} current={current} onSelect={setCurrentId} />
          <KeystoreToolbar keystore={current} entry={entry} onAction={keystoreAction} onEntryAction={(a) => entryAction(a)} />
          {current.notes.length > 0 && (
            <Alert severity="info" sx={{ mx: 2, mt: 1 }}>
              {current.notes.join(' ')}
            </Alert>
          )}
          <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
            <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
              <EntriesTable
                entries={current.entries}
                selected={selectedAlias}
                onSelect={select}
                onMenu={(alias, anchor) => setMenu({ alias, anchor })}
                onUnlock={(alias) => setAsking({ type: 'unlock-entry', alias })}
                onAction={(alias, action) => entryAction(action, alias)}
              />
            </Box>
            <Box component="aside" sx={{ width: 340, flexShrink: 0, borderLeft: 1, borderColor: 'divider', bgcolor: 'background.paper', overflow: 'auto' }}>
              {entry ? (
                <EntryDetails key={`${current.id}/${entry.alias}`} entry={entry} kind={current.kind} onUnlock={() => setAsking({ type: 'unlock-entry', alias: entry.alias })} />
              ) : (
                <Typography color="text.secondary" sx={{ p: 3 }}>
                  Select an entry to see its chain and expiry.
                </Typography>
              )}
            </Box>
          </Box>
        </>
      )}

      {menu && menuEntry && <EntryMenu entry={menuEntry} anchor={menu.anchor} onClose={() => setMenu(null)} onAction={(a) => entryAction(a, menu.alias)} />}
      {asking && dialogFor(asking)}
      {dragging && <KeystoreDropOverlay intoDialog={asking !== null} />}

      <Snackbar open={shownFailure !== null} onClose={clearFailure} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="error" onClose={clearFailure} variant="filled" sx={{ maxWidth: 640 }} data-testid="page-error" data-code={shownFailure?.code}>
          <AlertTitle>{shownFailure?.message}</AlertTitle>
          {shownFailure?.hint}
        </Alert>
      </Snackbar>
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={() => setNotice(null)} message={notice} />
    </Box>
  );

  /** A plain function, not a component: a component declared here would remount (and lose its state) on every render. */
  function dialogFor(asking: Asking) {
    const cancel = () => setAsking(null);
    switch (asking.type) {
      case 'open-password':
        return (
          <AskPasswordDialog
            title={`Password for ${asking.doc.name}`}
            description={KEYSTORE_FORMATS.has(asking.doc.format ?? '') ? 'The store password opens the keystore for editing and checks that nobody changed it. It is kept in Certbench, never shown.' : (asking.doc.lock?.message ?? 'This file is protected by a password.')}
            label="Store password"
            submitLabel="Open"
            onCancel={cancel}
            onSubmit={async (password) => {
              const error = await openAsKeystore(asking.doc, password);
              if (!error) setAsking(null);
              return error;
            }}
          />
        );
      case 'new-truststore':
        return <NewTruststoreDialog model={model} docs={docs} onClose={(ks) => (setAsking(null), ks && show(ks, ks.entries[0]?.alias))} />;
      case 'target':
        return (
          <TargetKeystoreDialog
            keystores={keystores}
            count={asking.objectIds.length}
            current={current?.id ?? null}
            onCancel={cancel}
            onChoose={async (id) => {
              const target = id === 'new' ? await create('pkcs12', 'truststore') : keystores.find((k) => k.id === id);
              if (!target) return setAsking(null);
              show(target);
              setAsking({ type: 'add-trusted', initial: asking.objectIds });
            }}
          />
        );
    }
    if (!current) return null;
    const entryOf = (alias: string) => current.entries.find((e) => e.alias === alias);
    switch (asking.type) {
      case 'unlock-entry':
        return (
          <AskPasswordDialog
            title={`Unlock “${asking.alias}”`}
            description="This key has a password of its own, different from the store password (keytool's -keypass). Enter it to use the key: save it, convert it or give it a new password."
            label="Key password"
            submitLabel="Unlock"
            onCancel={cancel}
            onSubmit={async (keyPassword) => {
              const outcome = await model.call('keystores.unlockEntry', { keystoreId: current.id, alias: asking.alias, keyPassword });
              if (!outcome.ok) return outcome.error;
              setAsking(null);
              setNotice(`“${asking.alias}” is unlocked.`);
              return null;
            }}
          />
        );
      case 'add-trusted':
        return <AddTrustedDialog keystore={current} model={model} docs={docs} initial={asking.initial} onClose={done} />;
      case 'import-key':
        return <ImportKeyPairDialog keystore={current} model={model} docs={docs} initialKey={asking.initialKey} onClose={done} />;
      case 'ca-reply':
        return <CaReplyWizard keystore={current} model={model} docs={docs} initialAlias={asking.alias} onClose={cancel} />;
      case 'rename':
        return <RenameDialog keystore={current} alias={asking.alias} model={model} onClose={done} />;
      case 'key-password': {
        const e = entryOf(asking.alias);
        return e ? <KeyPasswordDialog keystore={current} entry={e} model={model} onClose={cancel} /> : null;
      }
      case 'delete':
        return (
          <ConfirmDialog title={`Delete “${asking.alias}”?`} confirmLabel="Delete" destructive onCancel={cancel} onConfirm={() => void deleteEntry(asking.alias)}>
            {entryOf(asking.alias)?.type === 'privateKey' ? 'The private key and its certificate chain leave this keystore. ' : 'The certificate leaves this keystore. '}
            The file on disk changes only when you save.
          </ConfirmDialog>
        );
      case 'save':
        return (
          <SaveDialog
            keystore={current}
            model={model}
            onClose={(written) => {
              setAsking(null);
              if (written?.[0]) setNotice(`Saved ${written[0].path}`);
            }}
          />
        );
      case 'close':
        return (
          <ConfirmDialog title={`Close ${current.name} without saving?`} confirmLabel="Close without saving" destructive onCancel={cancel} onConfirm={() => void closeKeystore(current)}>
            It has changes that are not saved. Closing discards them; the file it came from stays as it was.
          </ConfirmDialog>
        );
    }
    return null;
  }
}
