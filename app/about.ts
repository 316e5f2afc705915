/** Help > About: macOS shows its own panel (filled in here); Windows and Linux get a message box with the same lines. */
import { app, dialog, type BrowserWindow } from 'electron';
import { aboutLines } from '../main/shell/about';

/** package.json's licence field (the bundle does not ship package.json's other fields). */
const LICENSE = 'UNLICENSED';

const lines = () => aboutLines({ name: app.name, version: app.getVersion(), versions: process.versions as Record<string, string>, license: LICENSE });

export function configureAboutPanel(): void {
  const [, runtime, license] = lines();
  app.setAboutPanelOptions({ applicationName: app.name, applicationVersion: app.getVersion(), version: runtime, copyright: license });
}

export async function showAbout(win: BrowserWindow | null): Promise<void> {
  if (process.platform === 'darwin') return app.showAboutPanel();
  const [title, ...detail] = lines();
  const options = { type: 'info' as const, title: `About ${app.name}`, message: title, detail: detail.join('\n'), buttons: ['OK'] };
  await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
