/**
 * IPC channel names shared by the Electron main process and the preload. No electron import, so
 * tests and the preload bundle can use it.
 */
import type { ApiEvent, ApiMethod } from '../main/api/contract';

/** The key under which the preload exposes the bridge: `window.certbench`. */
export const BRIDGE_KEY = 'certbench';

export const methodChannel = (method: ApiMethod): string => `certbench:${method}`;
export const eventChannel = (event: ApiEvent): string => `certbench:event:${event}`;
export const PICK_FILES_CHANNEL = 'certbench:pickFiles';
/** The preload sends the paths of dropped File objects here; main grants them (PathGrants). */
export const GRANT_FILES_CHANNEL = 'certbench:grantFiles';
/** As many files as one 'documents.openPaths' request may name. */
export const MAX_FILES_PER_OPEN = 500;
/** The native folder dialog for writing; main grants the folder (OutputFolders). */
export const PICK_FOLDER_CHANNEL = 'certbench:pickFolder';
/** The native folder dialog for reading (a folder to watch for expiry); main grants the folder (PathGrants). */
export const PICK_WATCH_FOLDER_CHANNEL = 'certbench:pickWatchFolder';
