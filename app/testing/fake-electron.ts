/**
 * A stand-in for the 'electron' module, for wiring tests only: app/main.ts and app/preload.ts are bundled
 * against it (scripts/build-app.mjs options + an esbuild plugin) and run under plain Node, which shows
 * what they register and lets tests drive IPC, the protocol and OS events. It records; it decides nothing.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Handler = (...args: any[]) => any;

export const recorded = {
  calls: [] as string[],
  /** A test that must seed it before the app starts names it in FAKE_ELECTRON_USER_DATA. */
  userData: process.env.FAKE_ELECTRON_USER_DATA || mkdtempSync(join(tmpdir(), 'certbench-userdata-')),
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, Handler>(),
  ipcHandlers: new Map<string, Handler>(),
  permissionRequest: null as Handler | null,
  permissionCheck: null as Handler | null,
  devicePermission: null as Handler | null,
  windows: [] as FakeBrowserWindow[],
  menuTemplate: null as unknown,
  dialogResult: { canceled: false, filePaths: [] as string[] },
  exposed: new Map<string, any>(),
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  /** Where ipcRenderer.invoke goes: by default it answers {ok, value: {channel}}; a test may route it to main. */
  invokeRoute: null as ((channel: string, args: unknown[]) => Promise<unknown>) | null,
  rendererListeners: new EventEmitter(),
  /** Files that came from the OS (a drop, a file input) and their paths; a File the page makes has none. */
  filePaths: new WeakMap<object, string>(),
  notifications: [] as FakeNotification[],
  /** URLs handed to shell.openExternal. */
  openedExternally: [] as string[],
  /** Work areas of the displays screen.getAllDisplays() reports. */
  displays: [{ x: 0, y: 0, width: 1920, height: 1050 }] as Array<{ x: number; y: number; width: number; height: number }>,
  clipboardText: '',
  messageBoxes: [] as Array<{ title?: string; message: string; detail?: string }>,
  recentDocuments: [] as string[],
  aboutPanel: null as unknown,
  safeStorageAvailable: true,
};
let ready = false;
let resolveReady: () => void = () => {};
const readyPromise = new Promise<void>((r) => (resolveReady = r));

class FakeApp extends EventEmitter {
  isPackaged = false;
  name = 'Certbench';
  singleInstance = true;
  getVersion = () => '0.1.0-test';
  /** userData and friends: a scratch folder of the test's, never the machine's profile. */
  getPath = (name: string) => (recorded.calls.push(`getPath:${name}`), recorded.userData);
  requestSingleInstanceLock = () => (recorded.calls.push('requestSingleInstanceLock'), this.singleInstance);
  enableSandbox = () => {
    if (ready) throw new Error('enableSandbox after ready');
    recorded.calls.push('enableSandbox');
  };
  quit = () => recorded.calls.push('quit');
  whenReady = () => readyPromise;
  isReady = () => ready;
  showAboutPanel = () => recorded.calls.push('showAboutPanel');
  setAboutPanelOptions = (options: unknown) => (recorded.aboutPanel = options);
  addRecentDocument = (path: string) => recorded.recentDocuments.push(path);
  clearRecentDocuments = () => (recorded.recentDocuments.length = 0);
  /** Test hook: fire 'ready'. */
  becomeReady() {
    ready = true;
    resolveReady();
    this.emit('ready');
  }
}
export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    if (ready) throw new Error('registerSchemesAsPrivileged after ready');
    recorded.privilegedSchemes.push(...schemes);
  },
};

export const session = {
  defaultSession: {
    protocol: {
      handle(scheme: string, handler: Handler) {
        if (!ready) throw new Error('protocol.handle before ready');
        recorded.protocolHandlers.set(scheme, handler);
      },
    },
    setPermissionRequestHandler: (h: Handler) => (recorded.permissionRequest = h),
    setPermissionCheckHandler: (h: Handler) => (recorded.permissionCheck = h),
    setDevicePermissionHandler: (h: Handler) => (recorded.devicePermission = h),
  },
};

export const ipcMain = {
  handle(channel: string, handler: Handler) {
    if (recorded.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    recorded.ipcHandlers.set(channel, handler);
  },
};

export const dialog = {
  showOpenDialog: async (..._args: unknown[]) => (recorded.calls.push('showOpenDialog'), recorded.dialogResult),
  showMessageBox: async (...args: any[]) => {
    recorded.messageBoxes.push(args.at(-1));
    return { response: 0, checkboxChecked: false };
  },
};

export const screen = {
  getAllDisplays: () => recorded.displays.map((workArea, id) => ({ id, workArea, bounds: workArea })),
};

export const clipboard = {
  readText: async () => recorded.clipboardText,
};

/** Reversible and marked, not secure: the wiring tests check what is wrapped and that the app uses it. */
export const FAKE_SAFE_STORAGE_PREFIX = 'fake-safe-storage:';
export const safeStorage = {
  isEncryptionAvailable: () => recorded.safeStorageAvailable,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (s: string) => Buffer.from(FAKE_SAFE_STORAGE_PREFIX + s),
  decryptString: (b: Buffer) => {
    const s = b.toString();
    if (!s.startsWith(FAKE_SAFE_STORAGE_PREFIX)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return s.slice(FAKE_SAFE_STORAGE_PREFIX.length);
  },
};

export const shell = {
  openExternal: async (url: string) => {
    recorded.openedExternally.push(url);
  },
};

export const nativeTheme = { shouldUseDarkColors: false };

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: { template: unknown }) => (recorded.menuTemplate = menu.template),
};

class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; payload: unknown }> = [];
  mainFrame: { url: string; parent: null } = { url: '', parent: null };
  windowOpenHandler: Handler | null = null;
  getURL = () => this.mainFrame.url;
  setWindowOpenHandler(h: Handler) {
    this.windowOpenHandler = h;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  webContents = new FakeWebContents();
  destroyed = false;
  loadedUrl: string | null = null;
  constructor(public options: any) {
    super();
    recorded.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.mainFrame = { url, parent: null };
    return Promise.resolve();
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  maximized = false;
  /** What getNormalBounds() reports (a test moves the window by setting it). */
  normalBounds = { x: 0, y: 0, width: 1280, height: 820 };
  getNormalBounds = () => ({ ...this.normalBounds });
  isMaximized = () => this.maximized;
  maximize() {
    this.maximized = true;
    recorded.calls.push('maximize');
  }
  restore() {}
  focus() {
    recorded.calls.push('focus');
  }
  show() {}
}
export const BrowserWindow = FakeBrowserWindow;

export class FakeNotification extends EventEmitter {
  static supported = true;
  static isSupported = () => FakeNotification.supported;
  shown = false;
  constructor(public options: { title: string; body: string }) {
    super();
  }
  show() {
    this.shown = true;
    recorded.notifications.push(this);
  }
}
export const Notification = FakeNotification;

// Renderer side, for the preload.
export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => recorded.exposed.set(key, api),
};
export const ipcRenderer = {
  invoke: async (channel: string, ...args: unknown[]) => {
    recorded.invoked.push({ channel, args });
    if (recorded.invokeRoute) return recorded.invokeRoute(channel, args);
    return { ok: true, value: { channel } };
  },
  on: (channel: string, listener: Handler) => recorded.rendererListeners.on(channel, listener),
  removeListener: (channel: string, listener: Handler) => recorded.rendererListeners.removeListener(channel, listener),
};
/** Like Electron's: only a real File is accepted, and only one from the OS has a path. */
export const webUtils = {
  getPathForFile: (file: unknown): string => {
    if (!(file instanceof File)) throw new TypeError('Error processing argument at index 0, conversion failure from ' + typeof file);
    return recorded.filePaths.get(file) ?? '';
  },
};

// Each bundle has its own copy of this module; it publishes itself so the test reaches that instance.
(globalThis as { __fakeElectron?: unknown }).__fakeElectron = { recorded, app };
