/**
 * The native menu. File: Open…, Open Recent (with Clear), Paste PEM, Save (disabled: see below), Close
 * Window; Edit; View; Help > About. macOS gets its app menu (About, Services, Hide, Quit) first, as its
 * guidelines ask; Windows and Linux put Exit in File and About in Help.
 */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { recentLabels } from '../main/shell/recent-menu';

export interface MenuActions {
  open: () => void;
  /** Newest first; only files that still exist (RecentFiles.list()). */
  recent: readonly string[];
  openRecent: (path: string) => void;
  clearRecent: () => void;
  pastePem: () => void;
  about: () => void;
  /** Development builds get reload and DevTools. */
  dev: boolean;
}

function recentSubmenu(actions: MenuActions): MenuItemConstructorOptions[] {
  if (actions.recent.length === 0) return [{ label: 'No recent files', enabled: false }];
  const labels = recentLabels(actions.recent);
  return [
    ...actions.recent.map((path, i): MenuItemConstructorOptions => ({ label: labels[i], toolTip: path, click: () => actions.openRecent(path) })),
    { type: 'separator' },
    { label: 'Clear Recent', click: () => actions.clearRecent() },
  ];
}

export function menuTemplate(actions: MenuActions): MenuItemConstructorOptions[] {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: app.name,
      submenu: [
        { label: `About ${app.name}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      // The renderer owns Ctrl/Cmd+O (it opens the same dialog through the bridge); registering it here as
      // well would show two dialogs, so the menu only displays the shortcut.
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: () => actions.open() },
      // macOS names this submenu itself ('recentDocuments' role) only for NSDocument apps; ours is built here.
      { label: 'Open Recent', submenu: recentSubmenu(actions) },
      // No accelerator: Ctrl/Cmd+V outside a text field already pastes PEM in the page, Shift+V is paste-as-text.
      { label: 'Paste PEM', click: () => actions.pastePem() },
      { type: 'separator' },
      // Each page saves through its own button and wizard (Convert's Review, New CSR's Save, Keystores' Save
      // as…), where the user picks the format and password; the menu has no page-independent save to run.
      { label: 'Save', accelerator: 'CmdOrCtrl+S', enabled: false },
      { type: 'separator' },
      // Ctrl/Cmd+W closes the current document in the renderer (UX.md), so closing the window takes Shift.
      { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+Shift+W' },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Exit' } as const]),
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'delete' },
      { role: 'selectAll' },
    ],
  });
  template.push({
    label: 'View',
    submenu: [
      ...(actions.dev ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const] : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  if (isMac) template.push({ role: 'windowMenu' });
  template.push({
    role: 'help',
    submenu: isMac ? [] : [{ label: `About ${app.name}`, click: () => actions.about() }],
  });
  return template;
}

export function buildMenu(actions: MenuActions): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions));
}
