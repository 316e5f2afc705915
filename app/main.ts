/**
 * Electron main process entry (bundled to dist/app/main.js): lifecycle and wiring only. The workbench in
 * main/ does the work; this file connects it to the window, IPC, menus and the OS.
 */
import { app, Menu, Notification, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createDispatcher } from '../main/rpc/dispatcher';
import { createWorkbench, type Workbench } from '../main/workbench';
import { OutputFolders } from '../main/workbench/output-folders';
import { PathGrants } from '../main/workbench/path-grants';
import { FileOpener, pathsFromArgv } from './file-opens';
import { denyPermissions, guardAllWebContents } from './guards';
import { forwardEvents, registerFolderPicker, registerIpc, registerWatchFolderPicker, showOpenDialog } from './ipc';
import { buildMenu } from './menu';
import { notifyAcme, notifyReminders } from './notify';
import { registerAppScheme, serveRenderer } from './protocol';
import { createMainWindow, preloadPath } from './window';

// dist/app/main.js → dist/app (preload) and dist/renderer (the built UI).
const appDir = __dirname;
const rendererDir = join(__dirname, '..', 'renderer');
const dev = !app.isPackaged;
/** Quitting waits at most this long for ACME work to stop. */
const ACME_CLOSE_TIMEOUT_MS = 3000;

let mainWindow: BrowserWindow | null = null;
const getWindow = () => mainWindow;
/** Set once the first window is open: until then, launch-time opens must not create a second one. */
let started = false;

function openWindow(): void {
  mainWindow = createMainWindow({ preload: preloadPath(appDir), devTools: dev });
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

/** HTTP-01 responders close and background steps stop before the app exits (orders resume on the next start). */
function stopAcmeOnQuit(acme: Workbench['acme']): void {
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    const timeout = new Promise((r) => setTimeout(r, ACME_CLOSE_TIMEOUT_MS).unref());
    void Promise.race([acme.close().catch(() => undefined), timeout]).then(() => app.quit());
  });
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
  const opener = new FileOpener(grants);
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
    const workbench = createWorkbench({ shell: 'electron', version: app.getVersion(), dataDir: app.getPath('userData'), grants, folders });
    const dispatcher = createDispatcher(workbench.handlers);

    denyPermissions(session.defaultSession);
    serveRenderer(session.defaultSession, rendererDir);
    registerIpc(dispatcher, grants, getWindow);
    registerFolderPicker(folders, getWindow);
    registerWatchFolderPicker(grants, getWindow);
    forwardEvents(workbench.events, getWindow);

    const openFromMenu = async () => opener.open(await showOpenDialog(getWindow()));
    Menu.setApplicationMenu(buildMenu({ open: () => void openFromMenu(), dev }));

    // Files from the launch command line open before the window loads, so its first list shows them.
    await opener.attach(dispatcher, workbench.events);
    await opener.open(pathsFromArgv(process.argv, process.cwd()));

    openWindow();
    started = true;
    // Expiry reminders: on start and daily while running, as OS notifications (the window shows them too).
    notifyReminders(workbench.events, Notification, showWindow);
    workbench.reminders.start();
    // ACME orders: issued or failed ones notify; unfinished ones (the app quit in the middle) continue.
    notifyAcme(workbench.events, Notification, showWindow);
    stopAcmeOnQuit(workbench.acme);
    workbench.acme.resumeUnfinished().catch((e: unknown) => console.error(`certbench: unfinished ACME orders were not resumed: ${e instanceof Error ? e.message : String(e)}`));
    app.on('activate', () => {
      if (!getWindow()) openWindow();
    });
  });
}

start();
