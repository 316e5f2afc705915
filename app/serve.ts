/**
 * What the app:// protocol serves: files under the built renderer directory, never anything outside it,
 * always with the CSP header. Pure (no electron import) so path handling is unit tested.
 */
import { resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY, contentTypeFor } from '../main/shell/renderer-assets';
import { APP_HOST, APP_SCHEME } from './origin';

export { CONTENT_SECURITY_POLICY, contentTypeFor };

export function responseHeaders(path: string): Record<string, string> {
  return {
    'Content-Type': contentTypeFor(path),
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}

/**
 * Maps an app:// URL to a file under `root`, or null when the URL is not ours or would leave `root`.
 * Segments are checked after percent-decoding, because the URL parser only folds literal and %2e dots:
 * an encoded slash or backslash ("..%2f", "%5c") would otherwise survive into the file path.
 */
export function resolveRendererPath(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  const segments: string[] = [];
  for (const raw of u.pathname.split('/')) {
    if (raw === '') continue;
    let seg: string;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (seg === '.' || seg === '..' || /[\\/\0:]/.test(seg)) return null;
    segments.push(seg);
  }
  if (segments.length === 0) segments.push('index.html');
  const base = resolve(root);
  const full = resolve(base, ...segments);
  return full.startsWith(base + sep) ? full : null;
}

/** The app:// request handler (protocol.handle); `read` is injected so it is tested without Electron. */
export function createRendererHandler(rendererDir: string, read: (path: string) => Promise<Uint8Array>) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const path = resolveRendererPath(rendererDir, request.url);
    if (!path) return new Response('Forbidden', { status: 403 });
    let body: Uint8Array;
    try {
      body = await read(path);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    // Buffers from fs are ArrayBufferLike-backed in the types, and Response accepts them at run time.
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers: responseHeaders(path) });
  };
}
