/**
 * The chain doctor: gathers certificates (files, the server, trust anchors, AIA downloads), builds and
 * validates every candidate path, checks revocation when asked, and diagnoses (diagnose.ts).
 * STUB (owner: chain-doctor).
 */
import type { ChainPurpose, ChainReportDto, RevocationMode } from '../../api/dto';
import type { NetworkPort, TlsTarget } from '../net/port';

export interface DoctorInput {
  /** Certificates the user gave (files), DER, in the order given. */
  input: Uint8Array[];
  /** A live server to fetch the chain from. */
  endpoint?: TlsTarget | null;
  /** The user's own trust anchors (DER). */
  trust?: Uint8Array[];
  /** Extra certificates the builder may use without trusting them (DER). */
  untrusted?: Uint8Array[];
  /** CRLs the user gave (DER), used before any download. */
  crls?: Uint8Array[];
  systemRoots: boolean;
  /** Name to check the leaf against; null = none (default for files), the endpoint's host for servers. */
  hostName: string | null;
  at: number;
  purpose: ChainPurpose;
  fetchMissing: boolean;
  revocation: RevocationMode;
  net: NetworkPort;
  signal?: AbortSignal;
  onProgress?: (fraction: number | null, phase: string) => void;
}

/** The report without the workbench's ids (reportId; ChainCertDto.objectId is null here). */
export type DoctorReport = Omit<ChainReportDto, 'reportId'>;

/** A server that cannot be reached is PkiError NETWORK; everything about the chain itself is in the report. */
export async function runDoctor(input: DoctorInput): Promise<DoctorReport> {
  void input;
  throw new Error('runDoctor is not built yet');
}
