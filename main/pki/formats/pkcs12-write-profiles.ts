/**
 * The PKCS#12 write profiles (CLI.md `--profile`): which encryption protects keys and certificates, which
 * MAC, and whether trusted certificates carry Oracle's trustedKeyUsage attribute.
 */
import type { HashName } from '../crypto';
import { OID } from '../pbe/oids';
import type { Pbes2Choice } from '../pbe/pbes2';
import type { Pkcs12PbeChoice } from '../pbe/pkcs12-pbe';
import type { PfxProfile } from './keystore-model';

export type PbeChoice = ({ kind: 'pbes2' } & Omit<Pbes2Choice, 'iterations'>) | { kind: 'pkcs12'; algorithm: Pkcs12PbeChoice };

export interface ProfileSpec {
  keys: PbeChoice;
  certificates: PbeChoice;
  mac: { hash: HashName; saltLength: number };
  /** Key and MAC derivations: OpenSSL 3's `pkcs12 -export` default for both profiles. */
  iterations: number;
  macIterations: number;
  /** Trusted-certificate bags get trustedKeyUsage = anyExtendedKeyUsage, so Java lists them (as keytool writes). */
  markTrusted: boolean;
  /**
   * Java's PBE keys take only printable ASCII (0x20-0x7E): KeyStore.load fails on any other password ("Password
   * is not ASCII"), for OpenSSL's files as for ours. A profile made for Java refuses such a password up front.
   */
  printableAsciiPassword: boolean;
}

const MODERN_PBE: PbeChoice = { kind: 'pbes2', cipher: 'aes-256-cbc', hash: 'sha256', saltLength: 16 };

const MODERN: ProfileSpec = {
  keys: MODERN_PBE,
  certificates: MODERN_PBE,
  mac: { hash: 'sha256', saltLength: 16 },
  iterations: 2048,
  macIterations: 2048,
  markTrusted: false,
  printableAsciiPassword: false,
};

export const PROFILES: Record<PfxProfile, ProfileSpec> = {
  modern: MODERN,
  // What `openssl pkcs12 -export -legacy` writes: what older Windows Server, macOS Keychain and Java 8 read.
  legacy: {
    keys: { kind: 'pkcs12', algorithm: OID.pbeWithSHAAnd3KeyTripleDESCBC },
    certificates: { kind: 'pkcs12', algorithm: OID.pbeWithSHAAnd40BitRC2CBC },
    mac: { hash: 'sha1', saltLength: 8 },
    iterations: 2048,
    macIterations: 2048,
    markTrusted: false,
    printableAsciiPassword: false,
  },
  java: { ...MODERN, markTrusted: true, printableAsciiPassword: true },
};
