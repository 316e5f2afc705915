/**
 * IPC: one ipcMain.handle channel per API method, forwarding to the dispatcher after checking the
 * sender; the native open dialog and dropped files, whose paths are granted (the only paths
 * 'documents.openPaths' reads); and main → renderer events on allowlisted channels.
 */
import { dialog, ipcMain, type BrowserWindow } from 'electron';
import { isAbsolute } from 'node:path';
import { API_EVENTS, API_METHODS, type Envelope } from '../main/api/contract';
import type { Dispatcher } from '../main/rpc/dispatcher';
import type { EventHub } from '../main/workbench/events';
import type { OutputFolders } from '../main/workbench/output-folders';
import type { PathGrants } from '../main/workbench/path-grants';
import { eventChannel, GRANT_FILES_CHANNEL, MAX_FILES_PER_OPEN, methodChannel, PICK_FILES_CHANNEL, PICK_FOLDER_CHANNEL, PICK_WATCH_FOLDER_CHANNEL } from './channels';
import { OPEN_DIALOG_FILTERS } from './file-types';
import { isTrustedSender } from './sender';

const UNTRUSTED: Envelope<never> = {
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message: 'This request did not come from the Certbench window.', hint: 'Restart Certbench.' },
};

export async function showOpenDialog(win: BrowserWindow | null): Promise<string[]> {
  const options = { title: 'Open certificates, keys or keystores', properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>, filters: OPEN_DIALOG_FILTERS };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}

/** What the preload sent for dropped files: absolute paths only (webUtils.getPathForFile gives those). */
function droppedPaths(paths: unknown): string[] {
  if (!Array.isArray(paths) || paths.length > MAX_FILES_PER_OPEN) return [];
  return paths.filter((p): p is string => typeof p === 'string' && isAbsolute(p));
}

export function registerIpc(dispatcher: Dispatcher, grants: PathGrants, getWindow: () => BrowserWindow | null): void {
  for (const method of API_METHODS) {
    ipcMain.handle(methodChannel(method), (event, request: unknown) =>
      isTrustedSender(event, getWindow()) ? dispatcher.dispatch(method, request) : UNTRUSTED,
    );
  }
  ipcMain.handle(PICK_FILES_CHANNEL, async (event) => (isTrustedSender(event, getWindow()) ? grants.grant(await showOpenDialog(getWindow())) : []));
  ipcMain.handle(GRANT_FILES_CHANNEL, (event, paths: unknown) => (isTrustedSender(event, getWindow()) ? grants.grant(droppedPaths(paths)) : []));
}

export async function showFolderDialog(win: BrowserWindow | null): Promise<string | null> {
  const options = { title: 'Choose where to save', properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths[0];
}

/** The save-to folder dialog: the chosen folder becomes one the workbench may write into. */
export function registerFolderPicker(folders: OutputFolders, getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(PICK_FOLDER_CHANNEL, async (event) => {
    if (!isTrustedSender(event, getWindow())) return null;
    const folder = await showFolderDialog(getWindow());
    if (folder) folders.grant(folder);
    return folder;
  });
}

/**
 * The folder-to-watch dialog (Expiry's Add folder…): the chosen folder becomes one the workbench may read
 * inside (PathGrants), never one it writes into.
 */
export function registerWatchFolderPicker(grants: PathGrants, getWindow: () => BrowserWindow | null): void {
  ipcMain.handle(PICK_WATCH_FOLDER_CHANNEL, async (event) => {
    if (!isTrustedSender(event, getWindow())) return null;
    const win = getWindow();
    const options = { title: 'Choose a folder to watch for expiring certificates', properties: ['openDirectory'] as Array<'openDirectory'> };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const folder = result.canceled ? undefined : result.filePaths[0];
    return folder && grants.grant([folder]).length === 1 ? folder : null;
  });
}

const ALLOWED_EVENTS = new Set<string>(API_EVENTS);

export function forwardEvents(events: EventHub, getWindow: () => BrowserWindow | null): () => void {
  return events.on((event, payload) => {
    const win = getWindow();
    if (!ALLOWED_EVENTS.has(event) || !win || win.isDestroyed()) return;
    win.webContents.send(eventChannel(event), payload);
  });
}
