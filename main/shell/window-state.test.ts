/** Window size and position: restored only onto a display that is there now, else centered; maximized kept. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isVisibleOn, placeWindow, readWindowState, WINDOW_STATE_NAME, writeWindowState, type Rect } from './window-state';

const SIZES = { width: 1280, height: 820, minWidth: 900, minHeight: 600 };
const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
/** A second monitor to the right of the laptop, taller, top aligned. */
const monitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };

test('nothing saved: the default size, centered, not maximized', () => {
  assert.deepEqual(placeWindow(null, [laptop], SIZES), { width: 1280, height: 820, center: true, maximized: false });
});

test('saved on a display that is present: the same place and size, and maximized again if it was', () => {
  const bounds = { x: 1600, y: 100, width: 1800, height: 1100 };
  assert.deepEqual(placeWindow({ bounds, maximized: true }, [laptop, monitor], SIZES), { ...bounds, center: false, maximized: true });
});

test('saved on the monitor that is now unplugged: the saved size, centered on what is left, and no bigger than it', () => {
  const bounds = { x: 1600, y: 100, width: 1800, height: 1100 };
  assert.deepEqual(placeWindow({ bounds, maximized: false }, [laptop], SIZES), { width: 1440, height: 875, center: true, maximized: false });
  const small = { x: 3000, y: 200, width: 1000, height: 700 };
  assert.deepEqual(placeWindow({ bounds: small, maximized: true }, [laptop], SIZES), { width: 1000, height: 700, center: true, maximized: true });
});

test('a title bar above the top of every display, or only a sliver on screen, is not visible', () => {
  assert.equal(isVisibleOn({ x: 100, y: -500, width: 1000, height: 700 }, [laptop]), false, 'title bar above the screen');
  assert.equal(isVisibleOn({ x: 1400, y: 100, width: 1000, height: 700 }, [laptop]), false, '40 px sliver');
  assert.equal(isVisibleOn({ x: 1300, y: 100, width: 1000, height: 700 }, [laptop]), true, '140 px of title bar');
  assert.equal(isVisibleOn({ x: -900, y: 100, width: 1000, height: 700 }, [laptop]), false, 'left of the screen');
  assert.equal(isVisibleOn({ x: 100, y: 100, width: 1000, height: 700 }, []), false, 'no displays reported');
  // Straddling two displays counts when one of them holds enough of the title bar.
  assert.equal(isVisibleOn({ x: 1000, y: 10, width: 1000, height: 700 }, [laptop, monitor]), true);
});

test('a display with a negative origin (monitor left of the primary) is a place like any other', () => {
  const left: Rect = { x: -1920, y: -200, width: 1920, height: 1080 };
  const bounds = { x: -1800, y: -150, width: 1200, height: 800 };
  assert.deepEqual(placeWindow({ bounds, maximized: false }, [laptop, left], SIZES), { ...bounds, center: false, maximized: false });
});

test('a saved size below the minimum (an edited file) grows to the minimum', () => {
  const p = placeWindow({ bounds: { x: 10, y: 10, width: 200, height: 100 }, maximized: false }, [laptop], SIZES);
  assert.deepEqual(p, { x: 10, y: 10, width: 900, height: 600, center: false, maximized: false });
});

test('persisted in the data folder; a missing or damaged file reads as nothing saved', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'window-state-'));
  assert.equal(readWindowState(dir), null);
  await writeWindowState(dir, { bounds: { x: 20, y: 30, width: 1000, height: 700 }, maximized: true });
  assert.deepEqual(readWindowState(dir), { bounds: { x: 20, y: 30, width: 1000, height: 700 }, maximized: true });
  for (const text of ['', '{', '{"bounds": {"x": 1, "y": 2, "width": "wide", "height": 3}}', '{"bounds": {"x": 1, "y": 2, "width": 0, "height": 3}}', '{"bounds": null}', '{"bounds": {"x": 1e999, "y": 0, "width": 5, "height": 5}}']) {
    writeFileSync(join(dir, WINDOW_STATE_NAME), text);
    assert.equal(readWindowState(dir), null, text);
  }
  writeFileSync(join(dir, WINDOW_STATE_NAME), '{"bounds": {"x": 1.4, "y": 2.6, "width": 1000, "height": 700}, "maximized": "yes"}');
  assert.deepEqual(readWindowState(dir), { bounds: { x: 1, y: 3, width: 1000, height: 700 }, maximized: false }, 'rounded; only true maximizes');
  // Bounds of a window already destroyed (all zero) are not saved over good ones.
  await writeWindowState(dir, { bounds: { x: 5, y: 5, width: 1100, height: 750 }, maximized: false });
  await writeWindowState(dir, { bounds: { x: 0, y: 0, width: 0, height: 0 }, maximized: false });
  assert.equal(JSON.parse(readFileSync(join(dir, WINDOW_STATE_NAME), 'utf8')).bounds.width, 1100);
  rmSync(dir, { recursive: true, force: true });
});
