/** The one application window, with every webPreferences hardening option set explicitly. */
import { BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY_URL } from './origin';

export interface WindowOptions {
  /** Absolute path of the bundled preload (dist/app/preload.js). */
  preload: string;
  /** DevTools only in development. */
  devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Certbench',
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#121212' : '#ffffff',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open a new window (denied anyway by guards.ts); switch the event off at the source.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

export const preloadPath = (appDir: string): string => join(appDir, 'preload.js');
