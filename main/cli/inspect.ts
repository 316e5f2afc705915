/**
 * `certbench inspect FILE... [--password P] [--json]` (CLI.md). Every file is read first (matches span all
 * of them), keeping only compact rows; then each object is decoded in full and written one at a time, so
 * memory stays flat however many certificates a bundle holds.
 */
import type { DocumentDto, MatchGroupDto } from '../api/dto';
import { createWorkbench } from '../workbench';
import type { Session } from '../workbench/session';
import { parseArgs, passwordFrom, PASSWORD_FLAGS } from './args';
import { fileHeader, inspectObject } from './inspect-json';
import { fileLines, objectLines } from './inspect-text';
import { collectIfGrown, collectNow, objectWritten } from './memory';
import { EXIT, type Io, lineBatcher } from './output';
import { PkiError } from '../pki/errors';

export async function inspectCommand(argv: string[], io: Io): Promise<number> {
  const args = parseArgs(argv, PASSWORD_FLAGS, ['json']);
  if (args.positionals.length === 0) throw new PkiError('INVALID_ARGUMENT', 'inspect needs at least one file.', 'Usage: certbench inspect FILE... [--password P] [--json]');
  const workbench = createWorkbench({ shell: 'web' });
  workbench.grants.grant(args.positionals); // the paths the user typed are the ones chosen
  // Reading yields to the event loop every few milliseconds; collecting then keeps the peak near what is held.
  const collecting = setInterval(collectIfGrown, 5);
  const state = await workbench.handlers['documents.openPaths']({ paths: args.positionals, password: passwordFrom(args) }).finally(() => clearInterval(collecting));
  collectNow();
  if (args.flags.has('json')) writeJson(state.documents, workbench.session, io);
  else writeText(state.documents, new Map(state.matchGroups.map((g) => [g.id, g])), workbench.session, io);
  return state.documents.some((d) => d.status !== 'ready') ? EXIT.badInput : EXIT.ok;
}

/** `{"files": [...]}` a line per object, written in batches; the whole output is one JSON document. */
function writeJson(documents: DocumentDto[], session: Session, io: Io): void {
  const out = lineBatcher(io);
  out.line('{"files": [');
  documents.forEach((d, i) => {
    const header = JSON.stringify(fileHeader(d));
    const last = i === documents.length - 1 ? '' : ',';
    if (d.status !== 'ready') return out.line(`  ${header}${last}`);
    out.line(`  ${header.slice(0, -1)}, "objects": [`);
    d.objects.forEach((o, j) => {
      out.line(`    ${JSON.stringify(inspectObject(session.details(o.id, { withoutPem: true })))}${j === d.objects.length - 1 ? '' : ','}`);
      objectWritten();
    });
    out.line(`  ]}${last}`);
  });
  out.line(']}');
  out.flush();
}

function writeText(documents: DocumentDto[], groups: Map<string, MatchGroupDto>, session: Session, io: Io): void {
  const out = lineBatcher(io);
  for (const d of documents) {
    out.line(fileLines(d).join('\n'));
    if (d.status !== 'ready') continue;
    for (const o of d.objects) {
      out.line(objectLines(session.details(o.id, { withoutPem: true }), groups).map((l) => '  ' + l).join('\n'));
      objectWritten();
    }
    out.line('');
  }
  out.flush();
}
