/**
 * Every open file and its objects as one virtualized list (@tanstack/react-virtual: only the rows on
 * screen are in the page, so 10,000 certificates scroll like 10). The list is one Tab stop: ↑ ↓ Home End
 * PageUp PageDown move between rows (roving focus; an object row is selected as focus reaches it), → and ←
 * reach a row's buttons and chips, Enter opens a locked file's password prompt, Delete closes a file.
 *
 * Why this virtualizer: MUI X Data Grid's MIT edition refuses pages of more than 100 rows (10,000 rows would
 * be 100 pages, and files are not a table), while @tanstack/react-virtual is headless (our rows, our file
 * sections, our keyboard) and adds about 35 kB minified, 10.6 kB gzipped (esbuild, the two imports used).
 */
import { Fragment, type Key, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { DocumentDto } from '../../../main/api/dto';
import { FileHeader } from './FileHeader';
import type { LinkContext } from './links';
import type { ListItem, ListModel } from './listItems';
import { ObjectRow } from './ObjectRow';

/** Scroll an item (file id or object id) into view, and focus it when asked; a new nonce repeats it. */
export interface RevealRequest {
  id: string;
  focus: boolean;
  nonce: number;
}

interface Props {
  model: ListModel<DocumentDto>;
  links: LinkContext;
  selectedId: string | null;
  currentDocId: string | null;
  filtering: boolean;
  reveal: RevealRequest | null;
  /** A new value (a new search or filter) scrolls back to the top. */
  scrollKey: unknown;
  onSelect: (id: string) => void;
  /** Select an object elsewhere in the list, unfolding and scrolling to it (a link chip). */
  onJump: (id: string) => void;
  onClose: (documentId: string) => void;
  onUnlock: (documentId: string) => void;
  onFold: (documentId: string) => void;
  onFocusDocument: (documentId: string) => void;
  /** Next steps of a file or an object (by its id) as a menu at a position on screen. */
  onMenu: (id: string, position: { left: number; top: number }) => void;
}

const PAGE = 10;

/**
 * Close guesses of row heights (measured in Chromium) keep the virtualizer from re-laying out 10,000 rows
 * each time a row is measured: a row is two lines, plus a line of chips when it has links or flags.
 */
function estimate(item: ListItem<DocumentDto> | undefined): number {
  if (!item) return 58;
  if (item.type === 'file') return 64 + (item.doc.notes.length > 0 ? 12 + 20 * item.doc.notes.length : 0) + (item.doc.lock || item.doc.error ? 80 : 0) + (item.doc.chain ? 30 : 0) + (item.shown === 0 || item.folded ? 12 : 0);
  const r = item.row;
  const chips = r.matchGroup !== null || r.duplicateOf !== null || r.encrypted || r.kind === 'unsupported' || r.problems.length > 0;
  return (chips ? 83 : 55) + (item.last ? 12 + 4 : 0);
}
const idOf = (item: ListItem<DocumentDto>) => (item.type === 'file' ? item.doc.id : item.row.id);

export function ObjectList({ model, links, selectedId, currentDocId, filtering, reveal, scrollKey, onSelect, onJump, onClose, onUnlock, onFold, onFocusDocument, onMenu }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const focusNext = useRef<number | null>(null);
  /** The row that has the focus; when scrolling moves it into a file's section it is mounted anew. */
  const focused = useRef<{ el: HTMLElement; index: number } | null>(null);
  const { items, positions } = model;

  // The Tab stop: the row last moved to, else the selected one, else the first.
  const activeIndex = items.length === 0 ? -1 : (positions.get(activeId ?? '') ?? positions.get(selectedId ?? '') ?? 0);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The Tab stop stays in the page even when scrolled away, so Tab always finds the list.
      if (activeIndex >= 0 && !indexes.includes(activeIndex)) indexes.push(activeIndex);
      return indexes.sort((a, b) => a - b);
    },
    [activeIndex],
  );

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(items[i]),
    getItemKey: (i) => items[i]?.key ?? i,
    overscan: 6,
    rangeExtractor,
    // Let React batch scroll updates instead of rendering synchronously inside every scroll event.
    useFlushSync: false,
  });

  const moveTo = useCallback(
    (index: number) => {
      const item = items[index];
      if (!item) return;
      setActiveId(idOf(item));
      if (item.type === 'object') onSelect(item.row.id);
      focusNext.current = index;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    },
    [items, onSelect, virtualizer],
  );

  // Focus the row moved to once it is rendered, and keep the focus on a row that was mounted anew.
  useLayoutEffect(() => {
    const rowAt = (index: number) => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-focus]`);
    const index = focusNext.current;
    if (index !== null) {
      const el = rowAt(index);
      if (el) {
        focusNext.current = null;
        el.focus({ preventScroll: true });
      }
      return;
    }
    const lost = focused.current;
    if (lost && !lost.el.isConnected && (document.activeElement === null || document.activeElement === document.body)) rowAt(lost.index)?.focus({ preventScroll: true });
  });

  useEffect(() => {
    if (!reveal) return;
    const index = positions.get(reveal.id);
    if (index === undefined) return;
    setActiveId(reveal.id);
    virtualizer.scrollToIndex(index, { align: items[index]?.type === 'file' ? 'start' : 'auto' });
    if (!reveal.focus) return;
    // Focus now if the row is on screen, else once scrolling has rendered it (a dialog closing in the same
    // update may also take the focus back for a moment: try again on the next frame).
    focusNext.current = index;
    const attempt = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] [data-row-focus]`);
      if (el && document.activeElement !== el) el.focus({ preventScroll: true });
      if (el) focusNext.current = null;
    };
    attempt();
    const frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
    // Only a new request reveals: not every change of the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    virtualizer.scrollToOffset(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [scrollKey]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const wrapper = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!wrapper || e.altKey || e.ctrlKey || e.metaKey) return;
    const index = Number(wrapper.dataset.index);
    const item = items[index];
    if (!item) return;
    const onRow = (e.target as HTMLElement).hasAttribute('data-row-focus');
    // The menu key (or Shift+F10) opens the row's next steps, under the row.
    if (onRow && (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) {
      e.preventDefault();
      const r = (e.target as HTMLElement).getBoundingClientRect();
      onMenu(idOf(item), { left: r.left + 24, top: r.bottom });
      return;
    }
    const actions = [...wrapper.querySelectorAll<HTMLElement>('[data-row-action]')];
    const at = actions.indexOf(e.target as HTMLElement);
    const go = (n: number) => {
      e.preventDefault();
      moveTo(Math.max(0, Math.min(items.length - 1, n)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(index + 1);
      case 'ArrowUp':
        return go(index - 1);
      case 'PageDown':
        return go(index + PAGE);
      case 'PageUp':
        return go(index - PAGE);
      case 'Home':
        return go(0);
      case 'End':
        return go(items.length - 1);
      case 'ArrowRight':
        e.preventDefault();
        (onRow ? actions[0] : actions[at + 1])?.focus();
        return;
      case 'ArrowLeft':
        e.preventDefault();
        if (at > 0) actions[at - 1]!.focus();
        else if (at === 0) wrapper.querySelector<HTMLElement>('[data-row-focus]')?.focus();
        return;
      case 'Enter':
      case ' ':
        if (!onRow) return;
        e.preventDefault();
        if (item.type === 'object') onSelect(item.row.id);
        else if (item.doc.lock) onUnlock(item.doc.id);
        return;
      case 'Delete':
        if (onRow && item.type === 'file') {
          e.preventDefault();
          onClose(item.doc.id);
        }
        return;
    }
  };

  const virtualItems = virtualizer.getVirtualItems();
  // Contiguous runs of one file become one <section> (a region named after the file); a lone Tab-stop row
  // kept while scrolled away is drawn without one, so a file never has two regions.
  const runs: { doc: DocumentDto; start: number; section: boolean; entries: typeof virtualItems }[] = [];
  for (const v of virtualItems) {
    const item = items[v.index]!;
    const last = runs.at(-1);
    const prevIndex = last?.entries.at(-1)?.index;
    if (last && last.doc.id === item.doc.id && prevIndex === v.index - 1) last.entries.push(v);
    else runs.push({ doc: item.doc, start: v.start, section: true, entries: [v] });
  }
  if (runs.length > 1) {
    const lone = runs.find((r) => r.entries.length === 1 && r.entries[0]!.index === activeIndex && (activeIndex < (virtualizer.range?.startIndex ?? 0) || activeIndex > (virtualizer.range?.endIndex ?? 0)));
    if (lone) lone.section = false;
  }

  const render = (index: number): ReactNode => {
    const item = items[index]!;
    const tabStop = index === activeIndex;
    if (item.type === 'file') {
      return <FileHeader doc={item.doc} chain={item.doc.chain} shown={item.shown} total={item.total} filtering={filtering} folded={item.folded} tabStop={tabStop} onClose={onClose} onUnlock={onUnlock} onFold={onFold} onMenu={onMenu} />;
    }
    return <ObjectRow row={item.row} links={links} selected={item.row.id === selectedId} tabStop={tabStop} onSelect={onSelect} onJump={onJump} onMenu={onMenu} />;
  };

  const frame = (index: number, key: Key) => {
    const item = items[index]!;
    const closes = item.type === 'file' ? item.shown === 0 || item.folded : item.last;
    const current = item.doc.id === currentDocId;
    return (
      <Box key={key} data-index={index} ref={virtualizer.measureElement} sx={{ pb: closes ? 1.5 : 0, px: 1.5 }}>
        <Box
          onClick={() => setActiveId(idOf(item))}
          sx={{
            bgcolor: 'background.paper',
            borderStyle: 'solid',
            borderColor: current ? 'primary.main' : 'divider',
            borderWidth: item.type === 'file' ? (closes ? 1 : '1px 1px 0 1px') : closes ? '0 1px 1px 1px' : '0 1px',
            borderRadius: item.type === 'file' ? (closes ? 2 : '8px 8px 0 0') : closes ? '0 0 8px 8px' : 0,
            px: item.type === 'object' ? 0.5 : 0,
            pb: item.type === 'object' && closes ? 0.5 : 0,
          }}
        >
          {render(index)}
        </Box>
      </Box>
    );
  };

  return (
    <Box
      ref={scrollRef}
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const wrapper = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
        focused.current = wrapper && e.target.hasAttribute('data-row-focus') ? { el: e.target, index: Number(wrapper.dataset.index) } : null;
      }}
      sx={{ flex: 1, minHeight: 0, overflow: 'auto', pt: 1.5 }} data-testid="object-list">
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {runs.map((run) => {
          const files = run.entries.filter((v) => items[v.index]!.type === 'file');
          const objects = run.entries.filter((v) => items[v.index]!.type === 'object');
          const body = (
            <>
              {files.map((v) => frame(v.index, v.key))}
              {objects.length > 0 && (
                <Box role="list" aria-label={`Contents of ${run.doc.name}`}>
                  {objects.map((v) => frame(v.index, v.key))}
                </Box>
              )}
            </>
          );
          const style = { position: 'absolute', top: run.start, left: 0, right: 0 } as const;
          return run.section ? (
            <Box key={`${run.doc.id}-${run.entries[0]!.index}`} component="section" aria-label={run.doc.name} data-document-id={run.doc.id} data-status={run.doc.status} onFocusCapture={() => onFocusDocument(run.doc.id)} sx={style}>
              {body}
            </Box>
          ) : (
            <Fragment key={`lone-${run.entries[0]!.index}`}>
              <Box sx={style}>{body}</Box>
            </Fragment>
          );
        })}
      </Box>
    </Box>
  );
}
