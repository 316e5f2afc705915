/**
 * What a reader finds in a file, before any description: raw DER plus the little context the container
 * gives (alias, trust flag). Private keys appear here only as decrypted PKCS#8 DER and stay in main.
 */

/** Container or encoding a file was recognised as (CLI.md `format`). */
export type FormatName =
  | 'pem'
  | 'der'
  | 'pkcs7'
  | 'pkcs12'
  | 'jks'
  | 'jceks'
  | 'pkcs8'
  | 'pkcs1'
  | 'sec1'
  | 'spki'
  | 'csr'
  | 'crl'
  | 'ocsp-response'
  | 'openssl-config';

export interface EntryContext {
  /** Alias / friendly name given by the container (PKCS#12 friendlyName, JKS alias). */
  alias?: string;
  /** PKCS#12 localKeyId (hex) when present: ties a key bag to its certificate bag. */
  localKeyId?: string;
  /** The container marks this certificate as trusted (JKS trustedCertEntry, TRUSTED CERTIFICATE, Java trust bag). */
  trusted?: boolean;
  /** Where inside the file it was found, for messages ("PEM block 3", "entry 'server'"). */
  location?: string;
}

export interface RawCertificate extends EntryContext {
  kind: 'certificate';
  der: Uint8Array;
}

export interface RawCsr extends EntryContext {
  kind: 'csr';
  der: Uint8Array;
}

export interface RawCrl extends EntryContext {
  kind: 'crl';
  der: Uint8Array;
}

/** An OCSP response (RFC 6960 OCSPResponse DER); the certificates it carries are separate RawCertificates. */
export interface RawOcspResponse extends EntryContext {
  kind: 'ocspResponse';
  der: Uint8Array;
}

export interface RawPublicKey extends EntryContext {
  kind: 'publicKey';
  /** SubjectPublicKeyInfo DER. */
  spki: Uint8Array;
}

/**
 * A private key. `pkcs8` is the decrypted PrivateKeyInfo DER; `encrypted` says whether the file protected it.
 * A key whose algorithm Certbench cannot use carries `unsupported` instead of failing the whole file.
 */
export interface RawPrivateKey extends EntryContext {
  kind: 'privateKey';
  pkcs8: Uint8Array;
  encrypted: boolean;
  /** How it was stored: 'pkcs8', 'pkcs1' (traditional RSA), 'sec1' (traditional EC), 'jks', 'pkcs12' ... */
  encoding: string;
  /** Encryption scheme, when encrypted: "PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC)", "DES-EDE3-CBC" ... */
  protection?: string;
}

/** A JCEKS secret key entry: listed, never exported to the renderer. */
export interface RawSecretKey extends EntryContext {
  kind: 'secretKey';
  algorithm: string;
  sizeBits?: number;
}

/** Something found but not understood: shown honestly instead of failing the file. */
export interface RawUnsupported extends EntryContext {
  kind: 'unsupported';
  what: string;
  code: 'UNSUPPORTED_ALGORITHM' | 'CORRUPT' | 'PASSWORD_REQUIRED' | 'WRONG_PASSWORD';
  message: string;
  hint: string;
}

export type RawObject =
  | RawCertificate
  | RawCsr
  | RawCrl
  | RawOcspResponse
  | RawPublicKey
  | RawPrivateKey
  | RawSecretKey
  | RawUnsupported;

/** Whether a container's integrity (PKCS#12 MAC, JKS digest) was verified. */
export type IntegrityState = 'verified' | 'not-checked' | 'absent';

export interface ReadResult {
  format: FormatName;
  /** The file (or anything in it) was password-protected. */
  encrypted: boolean;
  integrity: IntegrityState;
  objects: RawObject[];
  /** Plain-language notes about the container ("RC2-40 encrypted certificates (legacy PFX)"). */
  notes: string[];
}

export interface ReadOptions {
  /** undefined = none given; '' = the empty password (differs from none for PKCS#12). */
  password?: string;
  /** Reports progress of slow work (key derivation) from 0 to 1. */
  onProgress?: (fraction: number, phase: string) => void;
  signal?: AbortSignal;
}

/** One container reader: bytes in, objects out, or a PkiError. Never throws anything else. */
export type Reader = (bytes: Uint8Array, options: ReadOptions) => Promise<ReadResult>;
