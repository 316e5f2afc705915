/**
 * What the fuzzer runs on one input, as a user's open does: the read entry point, a row for every object it
 * yields (the session's summary, copies decoded once), and the full description of the first distinct
 * objects (what selecting them shows). Classifies the result; the catch-alls of readBytes, the summary and
 * describeObject turn reader bugs into CORRUPT for users, and are seen through here so each bug is found.
 */
import { describeObject } from '../pki/describe';
import { isPkiError } from '../pki/errors';
import { readBytes } from '../pki/read';
import { SummaryCache, summarizeObject } from '../pki/summary';

/** A user selects objects one at a time: describing the first distinct ones covers every decoder. */
const DESCRIBED = 64;

export type Outcome =
  | { kind: 'ok'; objects: number }
  | { kind: 'typed'; code: string; message: string }
  | { kind: 'untyped'; where: 'read' | 'describe'; message: string; stack: string };

/** describeObject's catch-all writes this when the error was not a PkiError (errors.ts toErrorInfo). */
const UNTYPED_MARK = 'Certbench hit an unexpected problem';
const NOW = new Date('2026-06-01T00:00:00Z');

export async function runTarget(bytes: Uint8Array, password: string | undefined, onProgress: () => void): Promise<Outcome> {
  let result;
  try {
    result = await readBytes(bytes, { password, onProgress });
  } catch (e) {
    if (isPkiError(e) && (e.cause === undefined || isPkiError(e.cause))) return { kind: 'typed', code: e.code, message: e.message };
    return untyped('read', isPkiError(e) ? e.cause : e);
  }
  const cache = new SummaryCache();
  const described = new Set<string>();
  for (const [index, raw] of result.objects.entries()) {
    try {
      const row = summarizeObject(raw, { documentId: 'fuzz', index, now: NOW, cache });
      if (row.error?.message.includes(UNTYPED_MARK)) return { kind: 'untyped', where: 'describe', message: row.error.message, stack: '' };
      const distinct = `${row.kind}:${row.sha256 ?? row.spkiSha256 ?? index}`;
      if (described.size >= DESCRIBED || described.has(distinct)) continue;
      described.add(distinct);
      const dto = describeObject(raw, { id: row.id, now: NOW, keyFacts: (pkcs8) => cache.keyFacts(pkcs8) });
      if (dto.kind === 'unsupported' && dto.error.message.includes(UNTYPED_MARK)) {
        return { kind: 'untyped', where: 'describe', message: dto.error.message, stack: '' };
      }
      JSON.stringify(dto);
    } catch (e) {
      return untyped('describe', e);
    }
  }
  return { kind: 'ok', objects: result.objects.length };
}

function untyped(where: 'read' | 'describe', e: unknown): Outcome {
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  const stack = e instanceof Error ? (e.stack ?? '').split('\n').slice(1, 8).join('\n') : '';
  return { kind: 'untyped', where, message, stack };
}
