/**
 * Files dropped on a page that takes them (Convert, Keystores) open there, not in Inspect: the window is
 * listened to in the capture phase, before the Inspector's window-wide drop target, and the event stops there.
 * The element dropped on may name a target with a `data-drop-card` attribute (Convert's target cards).
 */
import { useEffect, useRef, useState } from 'react';

export interface PageDrop {
  dragging: boolean;
  /** The card under the pointer while dragging. */
  overCard: string | null;
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

const cardOf = (e: Event) => (e.target instanceof Element ? (e.target.closest<HTMLElement>('[data-drop-card]')?.dataset.dropCard ?? null) : null);

export function usePageDrop(onDrop: (files: File[], card: string | null) => void): PageDrop {
  const [state, setState] = useState<PageDrop>({ dragging: false, overCard: null });
  const depth = useRef(0);
  const handler = useRef(onDrop);
  handler.current = onDrop;

  useEffect(() => {
    const claim = (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation();
    };
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      claim(e);
      depth.current += 1;
      setState({ dragging: true, overCard: cardOf(e) });
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      claim(e);
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      const card = cardOf(e);
      setState((s) => (s.dragging && s.overCard === card ? s : { dragging: true, overCard: card }));
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      claim(e);
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setState({ dragging: false, overCard: null });
    };
    const drop = (e: DragEvent) => {
      // Always claimed: a dropped file must never navigate the window away, nor open in Inspect from here.
      claim(e);
      depth.current = 0;
      setState({ dragging: false, overCard: null });
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) handler.current(files, cardOf(e));
    };
    const options = { capture: true };
    window.addEventListener('dragenter', enter, options);
    window.addEventListener('dragover', over, options);
    window.addEventListener('dragleave', leave, options);
    window.addEventListener('drop', drop, options);
    return () => {
      window.removeEventListener('dragenter', enter, options);
      window.removeEventListener('dragover', over, options);
      window.removeEventListener('dragleave', leave, options);
      window.removeEventListener('drop', drop, options);
    };
  }, []);
  return state;
}
