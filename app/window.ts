/** The one application window, with every webPreferences hardening option set explicitly. */
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { join } from 'node:path';
import { placeWindow, readWindowState, writeWindowState, type WindowSizes } from '../main/shell/window-state';
import { APP_ENTRY_URL } from './origin';

export const WINDOW_SIZES: WindowSizes = { width: 1280, height: 820, minWidth: 900, minHeight: 600 };

export interface WindowOptions {
  /** Absolute path of the bundled preload (dist/app/preload.js). */
  preload: string;
  /** DevTools only in development. */
  devTools: boolean;
  /** Where the size and position are remembered (Electron's userData). */
  dataDir: string;
  /** Called with the write of the window's last size and position when it closes (quit waits for it). */
  onStateSaved?: (saving: Promise<void>) => void;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((d) => d.workArea);
  const place = placeWindow(readWindowState(options.dataDir), workAreas, WINDOW_SIZES);
  const win = new BrowserWindow({
    width: place.width,
    height: place.height,
    ...(place.center ? { center: true } : { x: place.x, y: place.y }),
    minWidth: WINDOW_SIZES.minWidth,
    minHeight: WINDOW_SIZES.minHeight,
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
  // maximize() shows a hidden window on Windows, so it waits for the first paint like show() does.
  win.once('ready-to-show', () => (place.maximized ? win.maximize() : win.show()));
  // 'close' (not 'closed'): the bounds are still there to read. Normal bounds, so a maximized window keeps its own size.
  win.on('close', () => {
    const saving = writeWindowState(options.dataDir, { bounds: win.getNormalBounds(), maximized: win.isMaximized() }).catch(() => undefined);
    options.onStateSaved?.(saving);
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

export const preloadPath = (appDir: string): string => join(appDir, 'preload.js');
