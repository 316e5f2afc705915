/**
 * File > Paste PEM: main reads the clipboard's text (the renderer is not given clipboard-read) and opens it
 * as text, as the page's own Paste PEM does; an empty clipboard is said in a message box, not opened.
 */
import { clipboard, dialog, type BrowserWindow } from 'electron';
import type { WorkbenchState } from '../main/api/dto';
import type { Dispatcher } from '../main/rpc/dispatcher';
import type { EventHub } from '../main/workbench/events';

/** A paste larger than this is not a PEM someone copied (the page's paste dialog has the same spirit). */
const MAX_PASTE_CHARS = 16 * 1024 * 1024;

export async function pastePem(dispatcher: Dispatcher, events: EventHub, win: BrowserWindow | null, count: number): Promise<void> {
  const text = await clipboard.readText();
  if (text.trim() === '' || text.length > MAX_PASTE_CHARS) {
    const options = {
      type: 'info' as const,
      title: 'Paste PEM',
      message: text.trim() === '' ? 'The clipboard holds no text.' : 'The clipboard holds more text than a PEM file (over 16 MiB).',
      detail: 'Copy a certificate, key, CSR or CRL in PEM form, then choose Paste PEM again.',
      buttons: ['OK'],
    };
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
    return;
  }
  const result = await dispatcher.dispatch('documents.openText', { name: count === 1 ? 'Pasted text' : `Pasted text ${count}`, text });
  if (result.ok) events.emit('documents.changed', result.value as WorkbenchState);
}
