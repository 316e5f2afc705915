/**
 * The main window's size, position and maximized state, remembered across restarts (window-state.json in the
 * data folder). A saved position is used only when the window would land on a display that is there now (a
 * laptop undocked from its second monitor must not open off screen); otherwise the saved size is kept and the
 * window is centered by the OS.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../workbench/write-files';

export const WINDOW_STATE_NAME = 'window-state.json';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  /** The normal (not maximized) bounds, so un-maximizing after a restart gives the user's own size back. */
  bounds: Rect;
  maximized: boolean;
}

export interface WindowSizes {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** What the window is created with: a position only when it is known to be visible. */
export interface WindowPlacement {
  width: number;
  height: number;
  x?: number;
  y?: number;
  /** No position: the window is centered on the primary display. */
  center: boolean;
  maximized: boolean;
}

/** How much of the window's top edge (where the title bar is) must be on a display to count as visible. */
const TITLE_BAR_HEIGHT = 32;
const MIN_VISIBLE_WIDTH = 120;

const overlap = (a: Rect, b: Rect): { width: number; height: number } => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/** True when enough of the title bar is inside one display's work area to grab it with the mouse. */
export function isVisibleOn(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: TITLE_BAR_HEIGHT };
  return workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= Math.min(MIN_VISIBLE_WIDTH, bounds.width) && o.height >= TITLE_BAR_HEIGHT / 2;
  });
}

/**
 * Where the window opens: the saved bounds when they are on a display now (size clamped to the minimum and
 * to that display), the saved size centered when they are not, the defaults when nothing was saved.
 */
export function placeWindow(saved: SavedWindowState | null, workAreas: readonly Rect[], sizes: WindowSizes): WindowPlacement {
  if (!saved) return { width: sizes.width, height: sizes.height, center: true, maximized: false };
  const largest = workAreas.reduce<Rect | null>((best, a) => (!best || a.width * a.height > best.width * best.height ? a : best), null);
  const fit = (value: number, min: number, max: number | undefined) => Math.max(min, max === undefined ? value : Math.min(value, max));
  const { bounds } = saved;
  if (isVisibleOn(bounds, workAreas)) {
    const area = workAreas.find((a) => overlap(bounds, a).width > 0 && overlap(bounds, a).height > 0) ?? largest;
    return {
      x: bounds.x,
      y: bounds.y,
      width: fit(bounds.width, sizes.minWidth, area?.width),
      height: fit(bounds.height, sizes.minHeight, area?.height),
      center: false,
      maximized: saved.maximized,
    };
  }
  return {
    width: fit(bounds.width, sizes.minWidth, largest?.width),
    height: fit(bounds.height, sizes.minHeight, largest?.height),
    center: true,
    maximized: saved.maximized,
  };
}

const isRect = (r: unknown): r is Rect =>
  typeof r === 'object' && r !== null && ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((r as Record<string, unknown>)[k])) && (r as Rect).width > 0 && (r as Rect).height > 0;

/** The saved state, or null when there is none or it is damaged (the window then opens with the defaults). */
export function readWindowState(dataDir: string): SavedWindowState | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, WINDOW_STATE_NAME), 'utf8')) as Partial<SavedWindowState>;
    if (!isRect(parsed.bounds)) return null;
    const { x, y, width, height } = parsed.bounds;
    return { bounds: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) }, maximized: parsed.maximized === true };
  } catch {
    return null;
  }
}

export async function writeWindowState(dataDir: string, state: SavedWindowState): Promise<void> {
  if (!isRect(state.bounds)) return;
  const text = JSON.stringify({ bounds: state.bounds, maximized: state.maximized }, null, 2) + '\n';
  await writeFilesAtomically([{ path: join(dataDir, WINDOW_STATE_NAME), bytes: new TextEncoder().encode(text), secret: false }], { overwrite: true });
}
