/**
 * The files named on a `certbench convert` command line, read into the objects a conversion plans from: the
 * same file port, reader and errors as the app's documents, without what only a window needs (the key vault,
 * links between documents, a summary row for every object). A plan asks for the rows of a few objects (the
 * leaf's name, what is left out): each is summarized when first asked for, as the session would have made it.
 * A 500-entry keystore converted to another keystore no longer decodes its 500 certificates in full for rows
 * nobody reads.
 */
import type { ObjectSummaryDto } from '../api/dto';
import { PkiError, toErrorInfo } from '../pki/errors';
import type { RawObject } from '../pki/model';
import { readBytes } from '../pki/read';
import { SummaryCache, summarizeObject } from '../pki/summary';
import { nodeFiles, type FilePort } from '../workbench/file-port';
import { PathGrants } from '../workbench/path-grants';
import type { CollectedObject } from '../workbench/session';

/**
 * Every file in order, each with the one password; the first that cannot be read (or stays locked) is a
 * PkiError naming the file, as `failed.error ?? failed.lock` was when the session opened them.
 */
export async function readConvertInputs(paths: readonly string[], password: string | undefined, files: FilePort = nodeFiles, now = new Date()): Promise<CollectedObject[]> {
  // The paths typed are the ones chosen; an empty, overlong or NUL-containing one is refused as the app refuses it.
  const grants = new PathGrants();
  grants.grant(paths);
  grants.requireAll(paths);
  const objects: CollectedObject[] = [];
  for (const [i, path] of paths.entries()) {
    const documentId = `doc${i + 1}`;
    let name = path.split(/[\\/]/).pop() ?? path;
    try {
      const file = await files.read(path);
      name = file.name;
      const result = await readBytes(file.bytes, { password });
      const cache = new SummaryCache();
      result.objects.forEach((raw, index) => objects.push(collected(raw, { documentId, index, now, cache })));
    } catch (e) {
      const info = toErrorInfo(e);
      throw new PkiError(info.code, `${name}: ${info.message}`, info.hint);
    }
  }
  return objects;
}

/** An object whose row is made on first use, from the same summary the session's rows come from. */
function collected(raw: RawObject, ctx: Parameters<typeof summarizeObject>[1]): CollectedObject {
  let row: ObjectSummaryDto | undefined;
  return {
    id: `${ctx.documentId}/${ctx.index}`,
    documentId: ctx.documentId,
    raw,
    get row() {
      return (row ??= summarizeObject(raw, ctx));
    },
  };
}
