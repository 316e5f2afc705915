/** Paths and small helpers for tests: fixtures live in test/fixtures, made by the scripts beside them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export const fixture = (...parts: string[]) => join(FIXTURES, ...parts);
export const fixtureBytes = (...parts: string[]) => new Uint8Array(readFileSync(fixture(...parts)));
export const fixtureJson = <T = Record<string, Record<string, string>>>(...parts: string[]): T => JSON.parse(readFileSync(fixture(...parts), 'utf8')) as T;
