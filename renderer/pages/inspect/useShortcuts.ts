/** Ctrl/Cmd+O open, Ctrl/Cmd+W close the current document, Ctrl/Cmd+V outside inputs pastes PEM. */
import { useEffect, useRef } from 'react';

export interface Shortcuts {
  open(): void;
  closeCurrent(): void;
  pasteText(text: string): void;
}

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

export function useShortcuts(enabled: boolean, shortcuts: Shortcuts): void {
  const ref = useRef(shortcuts);
  ref.current = shortcuts;
  useEffect(() => {
    if (!enabled) return;
    const keydown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      // Dialogs own the keyboard while open.
      if (document.querySelector('[role="dialog"]')) return;
      const key = e.key.toLowerCase();
      if (key === 'o') {
        e.preventDefault();
        ref.current.open();
      } else if (key === 'w') {
        e.preventDefault();
        ref.current.closeCurrent();
      }
    };
    const paste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || document.querySelector('[role="dialog"]')) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      ref.current.pasteText(text);
    };
    window.addEventListener('keydown', keydown);
    document.addEventListener('paste', paste);
    return () => {
      window.removeEventListener('keydown', keydown);
      document.removeEventListener('paste', paste);
    };
  }, [enabled]);
}
