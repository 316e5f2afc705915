/**
 * What every keystore writer (PKCS#12, JKS, JCEKS) takes and every keystore reader can give: entries under
 * aliases, private keys as decrypted PKCS#8 DER (in main only), chains leaf first. Writers never reorder a
 * chain: order it with pki/chain-order.ts first.
 */

export interface KeyPairEntry {
  type: 'privateKey';
  alias: string;
  /** Decrypted PrivateKeyInfo DER. */
  pkcs8: Uint8Array;
  /** Certificate DER, leaf first, then its issuers. May be empty (a key without a certificate: PKCS#12 only). */
  chain: Uint8Array[];
  /** JKS/JCEKS: this entry's own key password; undefined = the store password. PKCS#12 has one password. */
  keyPassword?: string;
  /** Creation date recorded in JKS/JCEKS entries (default: the moment of writing). */
  created?: Date;
}

export interface TrustedCertEntry {
  type: 'trustedCert';
  alias: string;
  der: Uint8Array;
  created?: Date;
}

/**
 * A JCEKS secret key as stored (a serialized SealedObject). It can only be written back verbatim into a
 * JCEKS file; other formats leave it out with a warning.
 */
export interface SealedSecretEntry {
  type: 'secretKey';
  alias: string;
  /** The serialized javax.crypto.SealedObject bytes exactly as read. */
  sealed: Uint8Array;
  created?: Date;
}

export type KeystoreModelEntry = KeyPairEntry | TrustedCertEntry | SealedSecretEntry;

export interface KeystoreModel {
  entries: KeystoreModelEntry[];
}

/** PKCS#12 write profiles (CLI.md `--profile`). */
export type PfxProfile = 'modern' | 'legacy' | 'java';

export interface WriteProgress {
  /** 0..1 and what is happening, in the user's words. */
  onProgress?: (fraction: number, phase: string) => void;
  signal?: AbortSignal;
}

export interface Pkcs12WriteOptions extends WriteProgress {
  /** The one PKCS#12 password (keys, certificates, MAC). '' = an empty password (still encrypted and MACed). */
  password: string;
  profile: PfxProfile;
  /** Override the profile's iteration counts (tests, bench); defaults are the profile's. */
  iterations?: number;
  macIterations?: number;
}

export interface JavaKeystoreWriteOptions extends WriteProgress {
  kind: 'jks' | 'jceks';
  storePassword: string;
  /** JCEKS key protection rounds (tests, bench); default JDK 17's 200,000. JKS has no iteration count. */
  iterations?: number;
}
