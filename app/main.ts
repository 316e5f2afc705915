/**
 * Electron main process entry (bundled to dist/app/main.js): lifecycle and wiring only. The workbench in
 * main/ does the work; this file connects it to the window, IPC, menus and the OS.
 */
import { app, Menu, Notification, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createDispatcher, type Dispatcher } from '../main/rpc/dispatcher';
import { RecentFiles } from '../main/shell/recent-files';
import { recordOpens } from '../main/shell/record-opens';
import { createWorkbench, type Workbench } from '../main/workbench';
import { OutputFolders } from '../main/workbench/output-folders';
import { PathGrants } from '../main/workbench/path-grants';
import { FileOpener, pathsFromArgv } from './file-opens';
import { e2eHookSetup } from './e2e-hooks';
import { denyPermissions, guardAllWebContents } from './guards';
import { forwardEvents, registerFolderPicker, registerIpc, registerWatchFolderPicker, showOpenDialog } from './ipc';
import { configureAboutPanel, showAbout } from './about';
import { buildMenu } from './menu';
import { notifyAcme, notifyReminders } from './notify';
import { pastePem } from './paste-pem';
import { registerAppScheme, serveRenderer } from './protocol';
import { safeStorageSealer } from './safe-storage-sealer';
import { createMainWindow, preloadPath } from './window';

// dist/app/main.js → dist/app (preload) and dist/renderer (the built UI).
const appDir = __dirname;
const rendererDir = join(__dirname, '..', 'renderer');
const dev = !app.isPackaged;
/** Quitting waits at most this long for ACME work to stop, remembered keys to be sealed and the window state written. */
const QUIT_TIMEOUT_MS = 3000;
/** Windows and macOS keep a recent-documents list of their own (Jump List, Dock menu); Linux has none. */
const osRecentDocuments = process.platform === 'win32' || process.platform === 'darwin';
/** The Electron e2e run's hooks: null unless unpackaged and CERTBENCH_E2E_HOOKS=1 (docs/security-checklist.md). */
const e2eHooks = e2eHookSetup(process.env, app.isPackaged);

let mainWindow: BrowserWindow | null = null;
const getWindow = () => mainWindow;
/** Set once the first window is open: until then, launch-time opens must not create a second one. */
let started = false;
/** Work a quit waits for (bounded by QUIT_TIMEOUT_MS). */
const beforeQuit: Array<() => Promise<unknown>> = [];
let windowStateWrite: Promise<void> = Promise.resolve();

function openWindow(): void {
  mainWindow = createMainWindow({ preload: preloadPath(appDir), devTools: dev, dataDir: app.getPath('userData'), onStateSaved: (w) => (windowStateWrite = w) });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** Brings the window forward; on macOS the app may be running with no window, so one is opened. */
function showWindow(): void {
  if (!started) return;
  const win = getWindow();
  if (!win) return openWindow();
  if (win.isMinimized()) win.restore();
  win.focus();
}

/**
 * Before the app exits: HTTP-01 responders close and background steps stop (orders resume on the next start),
 * open keys are sealed a last time when "remember keys" is on (the sealed file has followed them all along, so
 * a quit cut short by the timeout loses nothing), the vault is zeroed, the window's last state is written.
 */
function finishOnQuit(workbench: Workbench): void {
  beforeQuit.push(() => workbench.acme.close(), () => windowStateWrite);
  const keyMemory = workbench.keyMemory;
  if (keyMemory) beforeQuit.push(() => keyMemory.persistAndWipe());
  else beforeQuit.push(async () => workbench.session.vault.wipe());
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    const timeout = new Promise((r) => setTimeout(r, QUIT_TIMEOUT_MS).unref());
    const work = Promise.all(beforeQuit.map((task) => task().catch(() => undefined)));
    void Promise.race([work, timeout]).then(() => {
      // Whatever did not finish in time, the keys in memory are zeroed before exit.
      workbench.session.vault.wipe();
      app.quit();
    });
  });
}

/** File > Open Recent: the list, the OS's own list, and the menu rebuilt whenever either changes. */
function recentFilesMenu(recent: RecentFiles, opener: FileOpener, dispatcher: Dispatcher, workbench: Workbench): () => void {
  let pastes = 0;
  const refresh = () =>
    Menu.setApplicationMenu(
      buildMenu({
        open: () => void showOpenDialog(getWindow()).then((paths) => opener.open(paths)),
        recent: recent.list(),
        openRecent: (path) => void opener.open([path]).then(refresh),
        clearRecent: () => {
          if (osRecentDocuments) app.clearRecentDocuments();
          void recent.clear().then(refresh);
        },
        pastePem: () => void pastePem(dispatcher, workbench.events, getWindow(), ++pastes),
        about: () => void showAbout(getWindow()),
        dev,
      }),
    );
  return refresh;
}

function start(): void {
  if (!app.requestSingleInstanceLock()) {
    // Another Certbench is running: it receives our argv through 'second-instance' and opens the files.
    app.quit();
    return;
  }

  app.enableSandbox();
  registerAppScheme();
  guardAllWebContents();

  // The paths the user chose (dialog, drop, argv, open-file): the only ones the workbench will read.
  const grants = new PathGrants();
  const recent = new RecentFiles({ dataDir: app.getPath('userData'), caseInsensitive: process.platform !== 'linux' });
  let refreshMenu = () => {};
  const opener = new FileOpener(grants);
  const rememberRecent = (paths: string[]) => {
    if (osRecentDocuments) for (const path of paths) app.addRecentDocument(path);
    void recent.add(paths).then(() => refreshMenu());
  };
  opener.listenForOpenFile(showWindow);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    void opener.open(pathsFromArgv(argv, workingDirectory));
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(async () => {
    // The folders the user chose in the save dialog: the only places the workbench writes.
    const folders = new OutputFolders();
    const workbench = createWorkbench({ shell: 'electron', version: app.getVersion(), dataDir: app.getPath('userData'), sealer: safeStorageSealer(), now: e2eHooks?.now, grants, folders });
    // Every file that opens (the page's Open… and drops, the menu, argv, the OS) goes to Open Recent.
    const recording = recordOpens(createDispatcher(workbench.handlers), rememberRecent);
    const dispatcher = e2eHooks ? e2eHooks.expose(workbench, recording) : recording;

    denyPermissions(session.defaultSession);
    serveRenderer(session.defaultSession, rendererDir);
    registerIpc(dispatcher, grants, getWindow);
    registerFolderPicker(folders, getWindow);
    registerWatchFolderPicker(grants, getWindow);
    forwardEvents(workbench.events, getWindow);

    configureAboutPanel();
    refreshMenu = recentFilesMenu(recent, opener, dispatcher, workbench);
    refreshMenu();
    // A recent file deleted while Certbench was in the background leaves the menu when the user comes back.
    app.on('browser-window-focus', () => refreshMenu());

    // Remembered keys (when the setting is on) and files from the launch command line open before the window
    // loads, so its first list shows them.
    await workbench.keyMemory?.restore().catch((e: unknown) => console.error(`certbench: remembered keys were not reopened: ${e instanceof Error ? e.message : String(e)}`));
    await opener.attach(dispatcher, workbench.events);
    await opener.open(pathsFromArgv(process.argv, process.cwd()));

    openWindow();
    started = true;
    // Expiry reminders: on start and daily while running, as OS notifications (the window shows them too).
    notifyReminders(workbench.events, Notification, showWindow);
    workbench.reminders.start();
    // ACME orders: issued or failed ones notify; unfinished ones (the app quit in the middle) continue.
    notifyAcme(workbench.events, Notification, showWindow);
    finishOnQuit(workbench);
    workbench.acme.resumeUnfinished().catch((e: unknown) => console.error(`certbench: unfinished ACME orders were not resumed: ${e instanceof Error ? e.message : String(e)}`));
    app.on('activate', () => {
      if (!getWindow()) openWindow();
    });
  });
}

start();
