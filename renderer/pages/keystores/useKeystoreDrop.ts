/**
 * Files dropped on the Keystores page open here, not in Inspect: the window is listened to in the capture
 * phase, before the Inspector's window-wide drop target, and the event stops there. `dragging` drives the
 * overlay while files are held over the window.
 */
import { useEffect, useRef, useState } from 'react';

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function useKeystoreDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const handler = useRef(onFiles);
  handler.current = onFiles;

  useEffect(() => {
    const claim = (e: DragEvent) => {
      e.preventDefault();
      e.stopPropagation();
    };
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      claim(e);
      depth.current += 1;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      claim(e);
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      claim(e);
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      // Always claimed: a dropped file must never navigate the window away, nor switch to Inspect from here.
      claim(e);
      depth.current = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      if (files.length) handler.current(files);
    };
    const capture = { capture: true };
    window.addEventListener('dragenter', enter, capture);
    window.addEventListener('dragover', over, capture);
    window.addEventListener('dragleave', leave, capture);
    window.addEventListener('drop', drop, capture);
    return () => {
      window.removeEventListener('dragenter', enter, capture);
      window.removeEventListener('dragover', over, capture);
      window.removeEventListener('dragleave', leave, capture);
      window.removeEventListener('drop', drop, capture);
    };
  }, []);
  return dragging;
}
