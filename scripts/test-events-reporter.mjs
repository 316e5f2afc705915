// A node --test reporter for scripts/test.mjs: one JSON line per test event, so the runner can name what was
// skipped, left as todo, timed out, or was still running when the whole run had to be stopped.
// `dequeue` is the moment a test really starts (node reports `test:start` only once it has finished).
const KINDS = { 'test:dequeue': 'start', 'test:pass': 'pass', 'test:fail': 'fail' };

export default async function* eventsReporter(source) {
  for await (const event of source) {
    const kind = KINDS[event.type];
    if (!kind) continue;
    const { name, file, nesting, skip, todo, details } = event.data;
    const line = { kind, name, file: file ?? null, nesting };
    if (skip !== undefined && skip !== false) line.skip = skip === true ? '' : String(skip);
    if (todo !== undefined && todo !== false) line.todo = todo === true ? '' : String(todo);
    if (kind === 'fail') {
      line.failureType = details?.error?.failureType ?? null;
      line.error = String(details?.error?.message ?? details?.error ?? '').split('\n')[0].slice(0, 300);
    }
    yield JSON.stringify(line) + '\n';
  }
}
