/** The native menu: a minimal one; the app's own actions live in the renderer. */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  open: () => void;
  /** Development builds get reload and DevTools. */
  dev: boolean;
}

export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: app.name,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({
    label: 'File',
    submenu: [
      // The renderer owns Ctrl/Cmd+O (it opens the same dialog through the bridge); registering it here as
      // well would show two dialogs, so the menu only displays the shortcut.
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', registerAccelerator: false, click: () => actions.open() },
      { type: 'separator' },
      // Ctrl/Cmd+W closes the current document in the renderer (UX.md), so closing the window takes Shift.
      { role: 'close', label: 'Close Window', accelerator: 'CmdOrCtrl+Shift+W' },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: 'Exit' } as const]),
    ],
  });
  template.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
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
  template.push({
    role: 'help',
    submenu: [{ label: `About ${app.name}`, click: () => app.showAboutPanel() }],
  });
  return Menu.buildFromTemplate(template);
}
