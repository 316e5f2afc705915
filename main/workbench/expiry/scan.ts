/**
 * Scans watchlist targets: files (every format the reader knows, keystores with their vault password or listed
 * without it), folders (recursively, bounded), endpoints (the chain doctor's TLS fetch), concurrently with a
 * limit, with progress and cancel. One row per certificate; a target that cannot be read is one error row.
 * STUB (owner: expiry-scan).
 */
import type { ExpiryScanDto, WatchTargetDto, WatchTargetInput } from '../../api/dto';
import type { NetworkPort } from '../../pki/net/port';

export interface ScanOptions {
  net: NetworkPort;
  thresholds: readonly number[];
  now: Date;
  /** The vault's password for a target's keystores / PFX files. */
  passwordFor?: (targetId: string) => string | undefined;
  /** Targets read at once (files and endpoints). Default 8. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (fraction: number | null, phase: string) => void;
}

export async function scanTargets(targets: readonly WatchTargetDto[], options: ScanOptions): Promise<ExpiryScanDto> {
  void targets;
  void options;
  throw new Error('scanTargets is not built yet');
}

/** A new target from what the user gave (INVALID_ARGUMENT for a bad host:port). */
export function targetFromInput(input: WatchTargetInput, id: string, now: Date): WatchTargetDto {
  void input;
  void id;
  void now;
  throw new Error('targetFromInput is not built yet');
}
