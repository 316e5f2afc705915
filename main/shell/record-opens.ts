/**
 * Recent files hear of every file that opened, however it was opened: the page's Open… and drops (the bridge
 * calls documents.openPaths), File > Open…, Open Recent, the command line and the OS. All of them go through
 * the dispatcher, so it is wrapped once: after a successful documents.openPaths, the requested paths that
 * are now documents that read (ready or asking for a password) are reported; files that failed are not.
 */
import type { WorkbenchState } from '../api/dto';
import type { Dispatcher } from '../rpc/dispatcher';

export function openedPaths(requested: readonly string[], state: WorkbenchState): string[] {
  const opened = new Set(state.documents.filter((d) => d.status !== 'error' && d.path !== null).map((d) => d.path));
  return requested.filter((p) => opened.has(p));
}

export function recordOpens(dispatcher: Dispatcher, onOpened: (paths: string[]) => void): Dispatcher {
  return {
    async dispatch(method, request) {
      const result = await dispatcher.dispatch(method, request);
      if (method === 'documents.openPaths' && result.ok) {
        const paths = (request as { paths: string[] }).paths;
        const opened = openedPaths(paths, result.value as WorkbenchState);
        if (opened.length) onOpened(opened);
      }
      return result;
    },
  };
}
