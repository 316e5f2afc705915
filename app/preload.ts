/**
 * The preload (bundled to dist/app/preload.js, sandboxed: only 'electron' may be required). Exposes named
 * methods only, each checked against the contract's allowlists before anything reaches IPC. A path the page
 * merely names is never granted: dropped File objects become paths here (webUtils), and main grants those.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_EVENTS, API_METHODS, type ApiEvent, type ApiMethod, type Envelope } from '../main/api/contract';
import type { CertbenchBridge } from '../main/api/preload-bridge';
import { BRIDGE_KEY, eventChannel, GRANT_FILES_CHANNEL, MAX_FILES_PER_OPEN, methodChannel, PICK_FILES_CHANNEL, PICK_FOLDER_CHANNEL, PICK_WATCH_FOLDER_CHANNEL } from './channels';

const METHODS = new Set<string>(API_METHODS);
const EVENTS = new Set<string>(API_EVENTS);

const unknownMethod = (method: unknown): Envelope<never> => ({
  ok: false,
  error: {
    code: 'INVALID_ARGUMENT',
    message: `Unknown method ${JSON.stringify(String(method)).slice(0, 80)}.`,
    hint: 'The window and the app are out of step; restart Certbench.',
  },
});

/** A File's path on disk, '' for anything else: the page cannot make a File that has one. */
function pathOf(file: unknown): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

const bridge: CertbenchBridge = {
  call(method, request) {
    if (typeof method !== 'string' || !METHODS.has(method)) return Promise.resolve(unknownMethod(method));
    return ipcRenderer.invoke(methodChannel(method as ApiMethod), request);
  },
  on(event, listener) {
    if (typeof event !== 'string' || !EVENTS.has(event) || typeof listener !== 'function') return () => {};
    const channel = eventChannel(event as ApiEvent);
    // The IpcRendererEvent (with its sender) never reaches the page: only the payload does.
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload as never);
    ipcRenderer.on(channel, handler);
    return () => {
      ipcRenderer.removeListener(channel, handler);
    };
  },
  pickFiles() {
    return ipcRenderer.invoke(PICK_FILES_CHANNEL);
  },
  async grantFiles(files) {
    if (!Array.isArray(files) || files.length > MAX_FILES_PER_OPEN) return [];
    const paths = files.map(pathOf);
    const granted: unknown = await ipcRenderer.invoke(GRANT_FILES_CHANNEL, paths.filter((p) => p !== ''));
    const accepted = new Set(Array.isArray(granted) ? granted : []);
    return paths.map((p) => (accepted.has(p) ? p : ''));
  },
  async pickFolder() {
    const folder: unknown = await ipcRenderer.invoke(PICK_FOLDER_CHANNEL);
    return typeof folder === 'string' ? folder : null;
  },
  async pickWatchFolder() {
    const folder: unknown = await ipcRenderer.invoke(PICK_WATCH_FOLDER_CHANNEL);
    return typeof folder === 'string' ? folder : null;
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
