/**
 * Documents opened from outside the window: file association / Finder (macOS 'open-file'), the command
 * line and second launches (Windows/Linux argv), and File > Open…. Each is the user's choice, so its paths
 * are granted; they open through the dispatcher like any request, then 'documents.changed' tells the renderer.
 */
import { app } from 'electron';
import { statSync } from 'node:fs';
import type { Dispatcher } from '../main/rpc/dispatcher';
import type { EventHub } from '../main/workbench/events';
import type { WorkbenchState } from '../main/api/dto';
import type { PathGrants } from '../main/workbench/path-grants';
import { documentPathsFromArgv } from './argv';

const isFile = (path: string): boolean => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

export const pathsFromArgv = (argv: readonly string[], cwd: string): string[] =>
  documentPathsFromArgv(argv, { isPackaged: app.isPackaged, cwd, isFile });

export class FileOpener {
  /** Paths that arrived before the workbench was ready (macOS sends 'open-file' before 'ready'). */
  private pending: string[] = [];
  private target: { dispatcher: Dispatcher; events: EventHub } | null = null;

  constructor(private readonly grants: PathGrants) {}

  /** Registers 'open-file' at once: it must be listening before 'ready' to catch a launch by double-click. */
  listenForOpenFile(onOpened: () => void): void {
    app.on('open-file', (event, path) => {
      event.preventDefault();
      void this.open([path]).then(onOpened);
    });
  }

  /** Call once the workbench exists; opens whatever queued up. */
  async attach(dispatcher: Dispatcher, events: EventHub): Promise<void> {
    this.target = { dispatcher, events };
    const queued = this.pending;
    this.pending = [];
    if (queued.length) await this.open(queued);
  }

  async open(paths: string[]): Promise<void> {
    if (paths.length === 0) return;
    this.grants.grant(paths);
    if (!this.target) {
      this.pending.push(...paths);
      return;
    }
    const { dispatcher, events } = this.target;
    const result = await dispatcher.dispatch('documents.openPaths', { paths });
    // Per-file failures live in the state as error documents; a failed envelope means a bad request.
    if (result.ok) events.emit('documents.changed', result.value as WorkbenchState);
  }
}
