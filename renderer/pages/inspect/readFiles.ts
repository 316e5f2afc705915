/**
 * Turns File objects into open requests: in Electron by path (the preload finds each File's path and main
 * grants it), in the browser, or for a File with no path, by content (base64).
 */
import type { RendererClient } from '../../api/client';

export type OpenRequest = { kind: 'paths'; paths: string[] } | { kind: 'data'; name: string; dataBase64: string };

function toBase64(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

export async function openRequestsFor(files: File[], client: RendererClient): Promise<OpenRequest[]> {
  if (files.length === 0) return [];
  if (client.grantFiles) {
    const paths = await client.grantFiles(files);
    if (paths.length === files.length && paths.every((p) => p !== '')) return [{ kind: 'paths', paths }];
  }
  return Promise.all(files.map(async (f) => ({ kind: 'data' as const, name: f.name, dataBase64: toBase64(await f.arrayBuffer()) })));
}
