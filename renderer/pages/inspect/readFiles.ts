/** Turns File objects into open requests: by path in Electron, by content (base64) in the browser. */
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
  const pathOf = client.pathForFile;
  if (pathOf) {
    const paths = files.map((f) => pathOf(f)).filter((p) => p !== '');
    if (paths.length === files.length) return [{ kind: 'paths', paths }];
  }
  return Promise.all(files.map(async (f) => ({ kind: 'data' as const, name: f.name, dataBase64: toBase64(await f.arrayBuffer()) })));
}
