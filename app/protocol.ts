/** The app:// protocol: the renderer's only origin, serving dist/renderer with the CSP header. */
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME } from './origin';
import { createRendererHandler } from './serve';

/** Must run before app 'ready'. standard: real origin and relative URLs; secure: a secure context. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(APP_SCHEME, createRendererHandler(rendererDir, readFile));
}
