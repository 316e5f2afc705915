/**
 * What the reminder scheduler remembers between runs (`expiry-reminders.json` in the data folder), so a restart
 * does not repeat a reminder or a digest: for each certificate row (target, place, fingerprint) the level it was
 * last reminded at (a threshold in days; 0 = expired), and the day / month of the last digests written.
 * This is the scheduler's own bookkeeping, not the user's data: a file it cannot read is started afresh.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomically } from '../write-files';

export const REMINDER_STATE_FILE = 'expiry-reminders.json';

export interface ReminderState {
  schemaVersion: 1;
  /** Row key → level last reminded at. */
  reminded: Record<string, number>;
  /** "YYYY-MM-DD" of the last daily digest written, "YYYY-MM" of the last monthly one. */
  lastDaily: string | null;
  lastMonthly: string | null;
}

export const freshState = (): ReminderState => ({ schemaVersion: 1, reminded: {}, lastDaily: null, lastMonthly: null });

export class ReminderStateFile {
  private memory = freshState();

  constructor(private readonly dataDir: string | undefined) {}

  async load(): Promise<ReminderState> {
    if (this.dataDir === undefined) return this.memory;
    try {
      const parsed = JSON.parse(await fs.readFile(join(this.dataDir, REMINDER_STATE_FILE), 'utf8')) as Partial<ReminderState>;
      if (parsed?.schemaVersion !== 1 || typeof parsed.reminded !== 'object' || parsed.reminded === null) return freshState();
      return { schemaVersion: 1, reminded: parsed.reminded, lastDaily: parsed.lastDaily ?? null, lastMonthly: parsed.lastMonthly ?? null };
    } catch {
      return freshState();
    }
  }

  async save(state: ReminderState): Promise<void> {
    if (this.dataDir === undefined) {
      this.memory = state;
      return;
    }
    await fs.mkdir(this.dataDir, { recursive: true });
    await writeFilesAtomically([{ path: join(this.dataDir, REMINDER_STATE_FILE), bytes: new TextEncoder().encode(JSON.stringify(state) + '\n'), secret: false }], { overwrite: true });
  }
}
