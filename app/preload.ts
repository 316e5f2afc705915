/**
 * The preload (bundled to dist/app/preload.js, sandboxed: only 'electron' may be required). Exposes named
 * methods only, each checked against the contract's allowlists before anything reaches IPC.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { API_EVENTS, API_METHODS, type ApiEvent, type ApiMethod, type Envelope } from '../main/api/contract';
import type { CertbenchBridge } from '../main/api/preload-bridge';
import { BRIDGE_KEY, eventChannel, methodChannel, PICK_FILES_CHANNEL } from './channels';

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
  pathForFile(file) {
    return webUtils.getPathForFile(file);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
