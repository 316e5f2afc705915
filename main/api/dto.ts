/**
 * Data that crosses from main to the renderer (and out of the CLI as JSON). JSON-safe only, and public only:
 * no private key material ever appears in these types.
 */
import type { ErrorInfo } from '../pki/errors';
import type { FormatName, IntegrityState } from '../pki/model';

export type { ErrorInfo, ErrorCode } from '../pki/errors';
export type { FormatName, IntegrityState } from '../pki/model';

export type KeyAlgorithmName = 'RSA' | 'EC' | 'Ed25519' | 'Ed448' | 'DSA' | 'X25519' | 'X448' | 'RSA-PSS' | 'DH' | 'unknown';

/** A relative distinguished name component, in order as encoded (most significant first). */
export interface NamePart {
  /** Short name as OpenSSL prints it: CN, O, OU, L, ST, C, emailAddress, DC, serialNumber ... or the OID. */
  name: string;
  oid: string;
  value: string;
}

export interface PublicKeyInfo {
  keyAlgorithm: KeyAlgorithmName;
  keySize: number | null;
  curve: string | null;
  spkiSha256: string;
  /** Public key bytes as uppercase hex with colons, for the details view. */
  publicHex: string;
}

/** One decoded extension: `lines` are what a person reads; `error` if it could not be decoded. */
export interface ExtensionDto {
  oid: string;
  name: string;
  critical: boolean;
  lines: string[];
  error?: string;
}

export interface Fingerprints {
  /** Uppercase hex, no colons (CLI.md). */
  sha256: string;
  sha1: string;
}

/**
 * What is structurally wrong with an object (CLI.md `problems`): undecodable or malformed fields, mismatched
 * signature algorithms, lint findings. Later pages (CSR lints, chain doctor) add to the same list.
 */
export interface ProblemDto {
  /** Stable, UPPER_SNAKE: BAD_IP_LENGTH, SAN_UNDECODABLE, SIGNATURE_ALGORITHM_MISMATCH, NON_ASCII_DNS ... */
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

interface ObjectBase {
  /** Stable within a session: `${documentId}/${index}`. */
  id: string;
  alias: string | null;
  /** Where in the file ("PEM block 2", "entry 'tomcat'"). */
  location: string | null;
  /** The match group (MatchGroupDto.id) of this object's public key, when anything else open shares it. */
  matchGroup: string | null;
  problems: ProblemDto[];
}

export interface CertificateDto extends ObjectBase, Fingerprints {
  kind: 'certificate';
  subject: string;
  issuer: string;
  subjectParts: NamePart[];
  issuerParts: NamePart[];
  /** Uppercase hex without colons. */
  serial: string;
  version: number;
  /** ISO 8601; null when the certificate's time is encoded invalidly ("Bad time value" in OpenSSL). */
  notBefore: string | null;
  notAfter: string | null;
  /** Whole days until notAfter (negative when expired), counted from the moment of inspection; null if unknown. */
  daysLeft: number | null;
  validity: 'valid' | 'expired' | 'not-yet-valid' | 'invalid-time';
  spkiSha256: string;
  keyAlgorithm: KeyAlgorithmName;
  keySize: number | null;
  curve: string | null;
  signatureAlgorithm: string;
  san: string[];
  isCA: boolean;
  pathLen: number | null;
  keyUsage: string[];
  extendedKeyUsage: string[];
  selfSigned: boolean;
  trusted: boolean;
  /** A private key for this certificate is open in the workbench. */
  hasPrivateKey: boolean;
  publicKey: PublicKeyInfo;
  extensions: ExtensionDto[];
  pem: string;
}

export interface PrivateKeyDto extends ObjectBase {
  kind: 'privateKey';
  keyAlgorithm: KeyAlgorithmName;
  keySize: number | null;
  curve: string | null;
  encrypted: boolean;
  /** How the key was stored: pkcs8, pkcs1, sec1, pkcs12, jks, jceks. */
  encoding: string;
  protection: string | null;
  spkiSha256: string;
  /**
   * sha256 fingerprints of the distinct certificates and CSRs this key belongs to (CLI.md `matches`), at most
   * MATCHES_LISTED of them; `matchCount` counts them all.
   */
  matches: string[];
  matchCount: number;
  /** Opaque handle of the key in main's vault; the key itself never leaves main. */
  handle: string;
  /** PEM of the PUBLIC half only. */
  publicKeyPem: string;
}

export interface PublicKeyDto extends ObjectBase {
  kind: 'publicKey';
  keyAlgorithm: KeyAlgorithmName;
  keySize: number | null;
  curve: string | null;
  spkiSha256: string;
  pem: string;
}

export interface CsrDto extends ObjectBase {
  kind: 'csr';
  subject: string;
  subjectParts: NamePart[];
  san: string[];
  keyAlgorithm: KeyAlgorithmName;
  keySize: number | null;
  curve: string | null;
  signatureAlgorithm: string;
  signatureValid: boolean;
  spkiSha256: string;
  keyUsage: string[];
  extendedKeyUsage: string[];
  sha256: string;
  sha1: string;
  extensions: ExtensionDto[];
  /** Other attributes (challengePassword, unstructuredName) as lines. */
  attributes: string[];
  hasPrivateKey: boolean;
  publicKey: PublicKeyInfo;
  pem: string;
}

export interface RevokedEntryDto {
  serial: string;
  revocationDate: string;
  reason: string | null;
}

export interface CrlDto extends ObjectBase {
  kind: 'crl';
  issuer: string;
  issuerParts: NamePart[];
  /** null when encoded invalidly. */
  thisUpdate: string | null;
  nextUpdate: string | null;
  revokedCount: number;
  /** First entries only (the rest are counted in revokedCount). */
  revoked: RevokedEntryDto[];
  crlNumber: string | null;
  signatureAlgorithm: string;
  extensions: ExtensionDto[];
  sha256: string;
  sha1: string;
  pem: string;
}

/** One SingleResponse of an OCSP response: which certificate (CertID) and what the responder says of it. */
export interface OcspSingleResponseDto {
  /** CertID hash algorithm, OpenSSL's name (sha1, sha256) or the OID. */
  hashAlgorithm: string;
  /** Uppercase hex without colons. */
  issuerNameHash: string;
  issuerKeyHash: string;
  /** Signed uppercase hex, as certificate serials. */
  serial: string;
  status: 'good' | 'revoked' | 'unknown';
  revocationTime: string | null;
  revocationReason: string | null;
  thisUpdate: string | null;
  nextUpdate: string | null;
}

/** An OCSP response (RFC 6960). The certificates in its `certs` are listed as certificates of their own. */
export interface OcspResponseDto extends ObjectBase {
  kind: 'ocspResponse';
  /** successful, malformedRequest, internalError, tryLater, sigRequired, unauthorized (or "status N"). */
  responseStatus: string;
  /** 'basic' for id-pkix-ocsp-basic, else the OID; null when the response carries no body. */
  responseType: string | null;
  /** "CN=Responder,O=..." (byName) or the SHA-1 key hash in hex (byKey); null without a body. */
  responderId: string | null;
  responderIdType: 'name' | 'keyHash' | null;
  producedAt: string | null;
  signatureAlgorithm: string | null;
  responses: OcspSingleResponseDto[];
  /** How many certificates the response carries (each also appears as a certificate object). */
  certificateCount: number;
  /** Response extensions (nonce ...). */
  extensions: ExtensionDto[];
  sha256: string;
  sha1: string;
  pem: string;
}

export interface SecretKeyDto extends ObjectBase {
  kind: 'secretKey';
  algorithm: string;
  keySize: number | null;
}

/** Found but not usable: an honest line instead of a failed file. */
export interface UnsupportedDto extends ObjectBase {
  kind: 'unsupported';
  what: string;
  error: ErrorInfo;
}

export type ObjectDto = CertificateDto | PrivateKeyDto | PublicKeyDto | CsrDto | CrlDto | OcspResponseDto | SecretKeyDto | UnsupportedDto;
export type ObjectKind = ObjectDto['kind'];

export interface PasswordPrompt {
  reason: 'PASSWORD_REQUIRED' | 'WRONG_PASSWORD';
  message: string;
  hint: string;
  attempts: number;
}

/** How many fingerprints a key's `matches` lists; a hostile file with 20,000 copies of a key stays linear. */
export const MATCHES_LISTED = 1000;

/**
 * One row of the Inspector and of the CLI listing: enough to show, search, filter and sort a 100,000-object
 * bundle without the details (extensions, PEM), which `objects.details` returns for one object on demand.
 */
export interface ObjectSummaryDto {
  /** `${documentId}/${index}`, stable within a session. */
  id: string;
  documentId: string;
  /** Position in the file, from 0. */
  index: number;
  kind: ObjectKind;
  alias: string | null;
  location: string | null;
  /** What a person calls it: a certificate's CN (else its subject), "RSA 2048-bit private key", ... */
  label: string;
  subject: string | null;
  issuer: string | null;
  serial: string | null;
  san: string[];
  sha256: string | null;
  spkiSha256: string | null;
  keyAlgorithm: KeyAlgorithmName | null;
  keySize: number | null;
  curve: string | null;
  notBefore: string | null;
  notAfter: string | null;
  daysLeft: number | null;
  validity: CertificateDto['validity'] | null;
  isCA: boolean;
  selfSigned: boolean;
  trusted: boolean;
  /** A private key that its file protected with a password. */
  encrypted: boolean;
  /** A certificate or CSR whose private key is open. */
  hasPrivateKey: boolean;
  matchGroup: string | null;
  /** The first open copy of the same certificate, CSR or CRL (same SHA-256) when this one repeats it. */
  duplicateOf: string | null;
  problems: ProblemDto[];
  /** Why an 'unsupported' object could not be used, and what it is. */
  error: ErrorInfo | null;
  what: string | null;
}

/** Everything open that shares one public key: one group, not a list on every member (linear in members). */
export interface MatchGroupDto {
  id: string;
  spkiSha256: string;
  /** Object ids, in the order they were opened. */
  members: string[];
  /** Distinct certificates (by SHA-256), private keys, CSRs and public keys among the members. */
  certificates: number;
  privateKeys: number;
  csrs: number;
  publicKeys: number;
}

/** A cheap per-file chain verdict ("The issuer of CN=x is not in this file") until the chain doctor takes over. */
export interface ChainHintDto {
  severity: 'success' | 'info' | 'warning' | 'error';
  message: string;
}

export interface DocumentDto {
  id: string;
  name: string;
  path: string | null;
  size: number;
  status: 'ready' | 'locked' | 'error';
  format: FormatName | null;
  encrypted: boolean;
  integrity: IntegrityState;
  notes: string[];
  /** Set while status is 'locked': why a password is asked for. */
  lock: PasswordPrompt | null;
  /** Set when status is 'error'. */
  error: ErrorInfo | null;
  objects: ObjectSummaryDto[];
  chain: ChainHintDto | null;
}

export interface WorkbenchState {
  documents: DocumentDto[];
  matchGroups: MatchGroupDto[];
}

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' in the desktop app, 'web' when served by the loopback host. */
  shell: 'electron' | 'web';
  platform: string;
  /** Where conversions are written without a dialog (the web host's output folder); null in the desktop app. */
  outputFolder: string | null;
}

/** Settings > "Remember keys between sessions" (desktop only: the browser host never stores keys). */
export interface RememberKeysDto {
  /** False where nothing safe can seal them (the web host; Linux without a keyring): the switch is disabled. */
  available: boolean;
  enabled: boolean;
  /** What protects them ("the macOS Keychain"), null when not available. */
  protectedBy: string | null;
}

// ---- Convert (issue 11) ----

/** CLI.md `--to` formats, plus `certbot` (cert.pem, chain.pem, fullchain.pem, privkey.pem into a folder). */
export type ConvertTarget = 'pem' | 'fullchain' | 'certbot' | 'der' | 'p7b' | 'p7b-der' | 'pfx' | 'jks' | 'jceks' | 'pkcs8' | 'pkcs8-der' | 'pkcs1';
export type PfxProfile = 'modern' | 'legacy' | 'java';

/** What to convert: whole open documents and/or single objects (`${documentId}/${index}`). */
export interface ConvertSource {
  documentIds?: string[];
  objectIds?: string[];
}

export interface ConvertOptionsDto {
  /** pfx only; default 'modern'. */
  profile?: PfxProfile;
  /** Friendly name (PFX) / alias (JKS, JCEKS); default: the leaf's CN, else "certbench". */
  alias?: string;
  /** Write the issuers with the leaf (pem, pfx, p7b, jks); default true. */
  includeChain?: boolean;
  /** Keep a self-signed root at the end of the chain; default false for pem/fullchain/certbot, true for p7b/pfx/jks. */
  includeRoot?: boolean;
  /** pem only: append the private key after the certificates (CLI.md: "certs then key"); default true when a key is open. */
  includeKey?: boolean;
  /** pem, fullchain, der, p7b: write the private key to a file of its own (role 'privkey'), as --key-out does. */
  separateKey?: boolean;
  /** Private key output unencrypted (pkcs8/pkcs1/pem with key/certbot privkey.pem): only when the user chose it. */
  noKeyEncryption?: boolean;
  /**
   * jks, jceks, pfx (java profile): also write each CA certificate of the key's chain as a trusted entry under an
   * alias of its own, as keytool leaves a keystore after importing a CA reply (issue 12). Default false.
   */
  caEntries?: boolean;
}

export interface ConvertRequest {
  source: ConvertSource;
  target: ConvertTarget;
  options?: ConvertOptionsDto;
}

/** One certificate in the order it will be written. */
export interface PlannedCertDto {
  objectId: string;
  label: string;
  subject: string;
  role: 'leaf' | 'intermediate' | 'root';
  notAfter: string | null;
}

/** One file the conversion will write. */
export interface PlannedFileDto {
  /** Suggested file name (the user may change it; certbot names are fixed). */
  name: string;
  /** Which part it is: 'main' for single-file targets; 'cert' | 'chain' | 'fullchain' | 'privkey' for certbot. */
  role: 'main' | 'cert' | 'chain' | 'fullchain' | 'privkey';
  format: ConvertTarget;
  /** Objects it will contain. */
  objects: number;
  /** Holds a private key: written 0600. */
  secret: boolean;
  /** Plain words: "Leaf, 2 intermediates and the private key, encrypted". */
  describe: string;
}

/** Answer to 'convert.preview': what was found, what will be written, what will be left out and why. */
export interface ConvertPreviewDto {
  target: ConvertTarget;
  found: { certificates: number; privateKeys: number; other: number };
  /** The chain as written, leaf → root by signature (never by input order). */
  chain: PlannedCertDto[];
  /** The private key to write, and whether it belongs to the leaf. */
  key: { objectId: string; label: string; matchesLeaf: boolean } | null;
  leftOut: { objectId: string; label: string; reason: string }[];
  warnings: ProblemDto[];
  files: PlannedFileDto[];
  /** The output needs a password (pfx, jks, jceks, encrypted key). */
  needsPassword: boolean;
  /** The target cannot be written from this input (no certificate for DER, no key for pkcs8 ...): why, and what to do. */
  blocked: ErrorInfo | null;
}

export interface WrittenFileDto {
  path: string;
  format: ConvertTarget;
  objects: number;
  /** Written 0600 because it holds a private key. */
  secret: boolean;
  /** Encrypted (key) or password-protected (pfx, jks). */
  encrypted: boolean;
}

export interface WriteDestination {
  /** A folder the user chose (desktop: the save dialog; web host: its output folder, AppInfo.outputFolder). */
  folder: string;
  /** File names for the planned files by role ('main', or the certbot roles); default the suggested names. */
  names?: Partial<Record<PlannedFileDto['role'], string>>;
  /** Replace existing files: only after the user confirmed. Without it an existing file gives EXISTS. */
  overwrite?: boolean;
}

// ---- Keystores (issue 11) ----

export type KeystoreKind = 'jks' | 'jceks' | 'pkcs12';

export interface KeystoreCertDto {
  subject: string;
  issuer: string;
  sha256: string;
  notAfter: string | null;
  /** Whole days until notAfter (negative once expired). */
  daysLeft: number | null;
  selfSigned: boolean;
  isCA: boolean;
}

export interface KeystoreEntryDto {
  alias: string;
  type: 'privateKey' | 'trustedCert' | 'secretKey';
  /** JKS/JCEKS creation date, ISO. */
  created: string | null;
  /** The entry's first certificate (leaf for key pairs). */
  certificate: KeystoreCertDto | null;
  /** Key pairs: the full chain, leaf first. */
  chain: KeystoreCertDto[];
  /** A key pair whose key needs its own password (differs from the store password): enter it to use the key. */
  locked: boolean;
  /** A key pair protected by a password of its own (JKS/JCEKS), known to main. */
  ownKeyPassword: boolean;
  keyAlgorithm: string | null;
  /**
   * Key pairs: SHA-256 of the key's SubjectPublicKeyInfo (of its leaf while the key is locked), so a CA reply can
   * be checked against it before importing. Public data.
   */
  spkiSha256: string | null;
  /** What is wrong ("The certificate does not match the key", "expired"). */
  problems: ProblemDto[];
}

export interface KeystoreDto {
  id: string;
  /** File name, or "New keystore". */
  name: string;
  path: string | null;
  /** The format it was read as (or created as). */
  kind: KeystoreKind;
  entries: KeystoreEntryDto[];
  /** Changed since opened or last saved. */
  dirty: boolean;
  /** Notes on what saving in another format changes ("JKS cannot hold secret keys: 1 left out"). */
  notes: string[];
}

export interface KeystoreState {
  keystores: KeystoreDto[];
}

// ---- Keys and CSRs (issue 12) ----

/** CLI.md `--key` names. */
export type KeySpecName = 'rsa:2048' | 'rsa:3072' | 'rsa:4096' | 'ec:P-256' | 'ec:P-384' | 'ec:P-521' | 'ed25519';

/**
 * One RDN of a subject, written in the order given (the builder suggests C, ST, L, O, OU, CN, emailAddress).
 * `type`: OpenSSL short names: C, ST, L, O, OU, CN, emailAddress, serialNumber, street, postalCode, DC, UID, title,
 * GN, SN, initials, pseudonym, businessCategory, jurisdictionC, jurisdictionST, jurisdictionL, or a dotted OID.
 */
export interface SubjectAttributeDto {
  type: string;
  value: string;
}

export type SanType = 'DNS' | 'IP' | 'email' | 'URI';

export interface SanDto {
  type: SanType;
  value: string;
}

/** RFC 5280 4.2.1.3 names, as OpenSSL spells them in configs. */
export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export type SignatureHash = 'sha256' | 'sha384' | 'sha512' | 'sha1';

/** Everything a CSR (or a self-signed certificate) says, as the form and an OpenSSL req config hold it. */
export interface CsrSpecDto {
  subject: SubjectAttributeDto[];
  san: SanDto[];
  /** Add the CN as a SAN (DNS, or IP when the CN is an address) when it is not there already. */
  cnAsSan: boolean;
  keyUsage: KeyUsageName[];
  keyUsageCritical?: boolean;
  /** OpenSSL short names (serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning) or dotted OIDs. */
  extendedKeyUsage: string[];
  /** PKCS#9 challengePassword attribute: discouraged (sent in clear inside the CSR), kept for CAs that still ask. */
  challengePassword?: string;
  /** Default 'sha256'; ignored for Ed25519 (which signs without a separate hash). */
  signatureHash: SignatureHash;
  /**
   * The order of the requested extensions when it is not SAN, key usage, extended key usage: set by config
   * import, because openssl keeps a section's order and the CSR should be the one openssl makes from the file.
   */
  extensionOrder?: RequestedExtensionName[];
}

export type RequestedExtensionName = 'subjectAltName' | 'keyUsage' | 'extendedKeyUsage';

/** The key a CSR is made for: a new one, or a private key open in the workbench (an object id). */
export type KeyChoiceDto = { generate: KeySpecName } | { objectId: string };

/** Self-signed certificate settings ("same form, plus days"). */
export interface SelfSignDto {
  days: number;
  /** basicConstraints CA:TRUE (critical) with keyCertSign/cRLSign; otherwise an end-entity certificate. */
  ca: boolean;
  /** CA only: pathLenConstraint. */
  pathLength?: number;
}

/** A finding about the form or an opened CSR; `field` points at the form input it is about. */
export interface CsrProblemDto extends ProblemDto {
  /** The public rule it follows: "RFC 5280 4.1.2.4", "CA/B Forum BR 7.1.4.2.1", "ROCA (CVE-2017-15361)". */
  rule?: string;
  /** 'subject.0' (the first RDN), 'san.2', 'key', 'signatureHash', 'challengePassword', 'days' ... */
  field?: string;
}

export interface EquivalentCommandDto {
  tool: 'openssl' | 'keytool';
  /** What it does, in the user's words ("Make the key and the CSR on the server"). */
  label: string;
  /** One command line, ready to paste into a POSIX shell. */
  command: string;
}

/** Answer to 'csr.check': the lints and the same request as a config file and as commands. Nothing is made. */
export interface CsrCheckDto {
  problems: CsrProblemDto[];
  /** No error-severity problem: 'csr.create' will accept it. */
  ok: boolean;
  /** "/C=US/ST=MN/.../CN=host.example" as openssl -subj takes it. */
  subjectLine: string;
  /** The form as an `openssl req` config (prompt = no, req_extensions, @alt_names). */
  config: string;
  commands: EquivalentCommandDto[];
}

export interface CsrTemplateDto {
  id: string;
  name: string;
  description: string;
  /** Built into Certbench, or saved by the user in the app's data folder. */
  builtIn: boolean;
  spec: CsrSpecDto;
  key: KeySpecName;
  /** Which form fields to ask first, for the template's purpose. */
  purpose: 'server' | 'client' | 'platform' | 'custom';
}

/** Answer to 'csr.importConfig': the form as the config file fills it. */
export interface CsrConfigImportDto {
  spec: CsrSpecDto;
  /** `default_bits` / `default_keyfile`-style hints turned into a key choice, when the file gives one. */
  key: KeySpecName | null;
  /** What the file asks that the form cannot hold, or that openssl would prompt for: in plain words. */
  warnings: string[];
  /** The file's x509_extensions / default_days (what `openssl req -x509 -config` would use), or null. */
  selfSign: Partial<SelfSignDto> | null;
}

/** Answer to 'csr.create': the new key, CSR (and certificate) are an open document "... (not saved)". */
export interface CsrCreatedDto {
  documentId: string;
  csrObjectId: string;
  keyObjectId: string;
  /** The self-signed certificate, when asked. */
  certificateObjectId: string | null;
  csrPem: string;
  certificatePem: string | null;
  state: WorkbenchState;
}

/** How a private key is written: encrypted PKCS#8 (default) or traditional (PKCS#1/SEC 1, DEK-Info) for old software. */
export interface KeyProtectionDto {
  form: 'pkcs8' | 'traditional';
  /** null: unencrypted, only when the user chose it. */
  password: string | null;
}

/** Answer to 'csr.caReply': the held key the reply belongs to and the chain, ready for convert.run. */
export interface CaReplyDto {
  keyObjectId: string;
  /** Where the key is ("server.example (not saved)", "server.key"). */
  keyLabel: string;
  /** Leaf → root, by signature. */
  chain: PlannedCertDto[];
  /** Missing intermediate, expired, wrong purpose ... */
  problems: ProblemDto[];
  /** Key + chain objects, to pass as ConvertSource.objectIds. */
  objectIds: string[];
}

// ---- Chain doctor (issue 13) ----

/** CLI.md `chain` problem codes, plus the few the doctor adds (DUPLICATE_CERT, POLICY, UNKNOWN_CRITICAL_EXTENSION ...). */
export type ChainProblemCode =
  | 'MISSING_INTERMEDIATE'
  | 'WRONG_ORDER'
  | 'EXTRA_CERT'
  | 'DUPLICATE_CERT'
  | 'CONTAINS_ROOT'
  | 'UNTRUSTED_ROOT'
  | 'SELF_SIGNED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'EXPIRING_SOON'
  | 'HOSTNAME_MISMATCH'
  | 'BAD_SIGNATURE'
  | 'NOT_A_CA'
  | 'PATH_LENGTH'
  | 'KEY_USAGE'
  | 'EXTENDED_KEY_USAGE'
  | 'NAME_CONSTRAINTS'
  | 'POLICY'
  | 'UNKNOWN_CRITICAL_EXTENSION'
  | 'UNSUPPORTED_ALGORITHM'
  | 'MALFORMED'
  | 'REVOKED'
  | 'REVOCATION_UNKNOWN'
  | 'WEAK_SIGNATURE'
  | 'WEAK_KEY'
  | 'NO_CERTIFICATE';

/** Where a certificate on a chain came from: a file the user gave, the server, the trust store, an AIA download. */
export type ChainCertSource = 'input' | 'server' | 'trust-store' | 'aia';

export type StarttlsProtocol = 'smtp' | 'imap' | 'pop3' | 'ftp' | 'ldap' | 'postgres';

export type ChainPurpose = 'serverAuth' | 'clientAuth';

export type RevocationMode = 'none' | 'ocsp' | 'crl' | 'both';

export interface ChainProblemDto {
  code: ChainProblemCode;
  severity: 'error' | 'warning' | 'info';
  /** What is wrong, in plain words, naming the certificate ("The server did not send the intermediate R11"). */
  message: string;
  /** What to do about it ("Install the fullchain below ..."). */
  fix: string;
  /** Index into ChainReportDto.chain of the certificate it is about; null when it is about the whole chain or the server. */
  certIndex: number | null;
}

export interface RevocationDto {
  status: 'good' | 'revoked' | 'unknown' | 'not-checked';
  /** How the answer was got; null when nothing was asked. */
  method: 'ocsp' | 'stapled-ocsp' | 'crl' | null;
  revokedAt: string | null;
  /** CRL reason name when revoked ("keyCompromise"). */
  reason: string | null;
  /** thisUpdate / nextUpdate of the OCSP response or CRL used. */
  thisUpdate: string | null;
  nextUpdate: string | null;
  /** The responder or CRL URL asked. */
  url: string | null;
  /** One line for people ("OCSP responder says good, signed by a delegated responder, fresh until ..."). */
  detail: string;
}

/** One certificate on the chosen chain, leaf first. */
export interface ChainCertDto {
  /** Uppercase hex, no colons (as Fingerprints.sha256). */
  sha256: string;
  subject: string;
  issuer: string;
  role: 'leaf' | 'intermediate' | 'root';
  source: ChainCertSource;
  /** Also found here (a root the server sent that is also in the trust store). */
  alsoFrom: ChainCertSource[];
  /** Set when source is 'aia': the URL it was downloaded from. */
  url: string | null;
  /** A trust anchor: in the trust store or in a trust file the user gave. */
  trusted: boolean;
  notBefore: string;
  notAfter: string;
  daysLeft: number;
  /** Worst severity among the problems about this certificate. */
  status: 'ok' | 'warning' | 'error';
  /** "RSA 2048", "EC P-256", "Ed25519". */
  key: string;
  /** "sha256WithRSAEncryption", "ecdsa-with-SHA384". */
  signatureAlgorithm: string;
  revocation: RevocationDto | null;
  /** The object open in the workbench with this certificate (for "Show in Inspector"), when there is one. */
  objectId: string | null;
}

/** A candidate path the builder found (cross-signs give several). */
export interface ChainPathDto {
  /** sha256 of each certificate, leaf first. */
  certs: string[];
  /** Subject CN (or whole subject) of each, leaf first: for a one-line picture. */
  names: string[];
  valid: boolean;
  /** Why it was not chosen, or what makes it the best ("valid, ends at trusted ISRG Root X1, 3 certificates"). */
  summary: string;
  chosen: boolean;
}

export interface TlsDetailsDto {
  host: string;
  port: number;
  /** The address connected to (IPv4 or IPv6). */
  address: string;
  /** The SNI sent; null when none (an IP address target without --servername). */
  servername: string | null;
  starttls: StarttlsProtocol | null;
  /** "TLSv1.3". */
  protocol: string;
  /** IANA name ("TLS_AES_256_GCM_SHA384"). */
  cipher: string;
  /** Key exchange group ("X25519", "ECDH P-256"), when known. */
  keyExchange: string | null;
  alpn: string | null;
  /** The server stapled an OCSP response. */
  stapledOcsp: boolean;
  clientCertificate: {
    /** The server asks for a client certificate (mutual TLS). */
    requested: boolean;
    /** The CA names it says it accepts (distinguished names); empty = any; null = not known (see note). */
    acceptedIssuers: string[] | null;
    note: string | null;
  };
  durationMs: number;
  /** How the TLS details were read, when it matters ("the exact order could not be read ..."); TlsFetchResult.notes. */
  notes?: string[];
}

/** How to install the fixed chain on one kind of server. */
export interface ServerFixDto {
  server: 'apache' | 'nginx' | 'iis';
  title: string;
  steps: string[];
  /** A config snippet to paste, when the server has one. */
  snippet: string | null;
}

/** A download the doctor made (AIA caIssuers, OCSP, CRL), shown so the user sees what was asked. */
export interface FetchAttemptDto {
  kind: 'aia' | 'ocsp' | 'crl';
  url: string;
  ok: boolean;
  /** "200, 1,322 bytes, DER" or the NETWORK error's message. */
  detail: string;
}

export interface ChainCheckRequest {
  /** Open documents whose certificates are the input (leaf and chain as given), in this order. */
  documentIds?: string[];
  /** Single certificates from open documents (Inspector "Check chain"), in this order. */
  objectIds?: string[];
  /** A live server instead of (or beside) files. */
  endpoint?: { host: string; port: number; servername?: string | null; starttls?: StarttlsProtocol | null };
  /** Open documents whose certificates are trust anchors (the user's own roots), beside or instead of the system roots. */
  trustDocumentIds?: string[];
  /** Open documents with extra certificates the builder may use but does not trust (CLI --untrusted). */
  untrustedDocumentIds?: string[];
  /** Use the Mozilla roots that ship with Node. Default true. */
  systemRoots?: boolean;
  /** The name to check the leaf against (default: the endpoint's host; none for files). */
  hostName?: string;
  /** Validate at this time (ISO 8601); default now. */
  at?: string;
  /** Default serverAuth. */
  purpose?: ChainPurpose;
  /** Download missing issuers from AIA caIssuers URLs. Default true. */
  fetchMissing?: boolean;
  /** Default 'none' (no network beyond the endpoint and AIA). */
  revocation?: RevocationMode;
}

export interface ChainReportDto {
  /** For chain.saveFixed. */
  reportId: string;
  valid: boolean;
  /** The one-line verdict in colour ("Valid chain to ISRG Root X1", "The server forgot its intermediate"). */
  verdict: { severity: 'success' | 'warning' | 'error'; message: string };
  /** The time validated at (ISO 8601). */
  checkedAt: string;
  hostName: string | null;
  purpose: ChainPurpose;
  /** What the server sent (or the files held), in that order. */
  served: { sha256: string; subject: string; issuer: string }[];
  /** The chosen path, leaf first, root last when one was found. */
  chain: ChainCertDto[];
  /** Every candidate path, the chosen one marked. */
  alternatives: ChainPathDto[];
  problems: ChainProblemDto[];
  /** Leaf → intermediates, no root: what the server should send. Null when there is no leaf. */
  fixedChainPem: string | null;
  /** Install instructions for Apache, nginx and IIS when the served chain needs fixing. */
  fixes: ServerFixDto[];
  tls: TlsDetailsDto | null;
  fetched: FetchAttemptDto[];
}

/** The Inspector's per-file chain verdict, offline (no downloads, no revocation), with a link to the doctor. */
export interface ChainVerdictDto {
  documentId: string;
  valid: boolean;
  severity: 'success' | 'info' | 'warning' | 'error';
  message: string;
  /** The main problem's code, when there is one. */
  code: ChainProblemCode | null;
}

// ---- Expiry watch (issue 14) ----

export type ExpiryStatus = 'ok' | 'expiring' | 'expired' | 'error';

/** One thing on the watchlist: a file, a folder (recursively) or a TLS endpoint. */
export interface WatchTargetDto {
  id: string;
  kind: 'file' | 'folder' | 'endpoint';
  /** The path, or "host:port" ("[::1]:8443"). */
  location: string;
  /** The user's own name for it ("Payments prod"), or null. */
  label: string | null;
  /** Folders: walk subfolders too. Default true. */
  recursive: boolean;
  /** Endpoints only. */
  endpoint: { host: string; port: number; servername: string | null; starttls: StarttlsProtocol | null } | null;
  /** A keystore / PFX password for this target is kept in the key vault (never sent back). */
  hasPassword: boolean;
  addedAt: string;
}

export interface WatchTargetInput {
  kind: 'file' | 'folder' | 'endpoint';
  /** file / folder: a path the user chose; endpoint: "host:port". */
  location: string;
  label?: string;
  recursive?: boolean;
  servername?: string | null;
  starttls?: StarttlsProtocol | null;
  /** Password for keystores / PFX files of this target; kept in the key vault only. */
  password?: string;
}

export interface ExpirySettingsDto {
  /** Days before notAfter at which a certificate counts as expiring, and reminders fire; descending. Default [60, 30, 3]. */
  thresholds: number[];
  /** OS notifications when something crosses a threshold (on start and daily while running). Default true. */
  notify: boolean;
  /** Write the daily (expiring within the smallest threshold) and monthly (within the two largest) digests. */
  dailyDigest: boolean;
  monthlyDigest: boolean;
  /** Where scheduled digests are written; null = the app's data folder, "reports". */
  reportsFolder: string | null;
}

/** One certificate found by a scan (or one target that could not be read: status 'error'). */
export interface ExpiryRowDto {
  targetId: string;
  /** Where it is: "/etc/ssl/a.pem", "/opt/app/keystore.jks entry 'tomcat'", "shop.example:443". */
  source: string;
  /** 'served' by an endpoint or 'stored' in a file. */
  presence: 'served' | 'stored';
  subject: string;
  issuer: string;
  /** Uppercase hex, no colons; '' on error rows. */
  sha256: string;
  serial: string;
  notBefore: string | null;
  notAfter: string | null;
  daysLeft: number | null;
  status: ExpiryStatus;
  /** The smallest threshold it is within (60, 30, 3 ...), null when ok / expired / error. */
  threshold: number | null;
  isCA: boolean;
  /** Error rows: why the file or endpoint could not be read. */
  error: ErrorInfo | null;
  /** Stored rows: the file it was read from (a folder target's file is then openable in the Inspector). */
  file?: string;
}

export interface ExpiryScanDto {
  scanId: string;
  startedAt: string;
  finishedAt: string;
  thresholds: number[];
  rows: ExpiryRowDto[];
  counts: Record<ExpiryStatus, number>;
  filesScanned: number;
  /** Files in watched folders passed over quietly: no certificate in them (and a name that does not promise one), not regular files, links seen before. */
  filesSkipped?: number;
  endpointsScanned: number;
  /** Set when the user stopped the scan: rows hold what was found until then. */
  cancelled: boolean;
}

export interface WatchlistDto {
  targets: WatchTargetDto[];
  settings: ExpirySettingsDto;
  /** The last scan (kept in the data folder), or null before the first. */
  lastScan: ExpiryScanDto | null;
}

/** A digest like the ones hosting platforms send: monthly (30–60 days) or daily (3 days), plus what already expired. */
export interface ExpiryDigestDto {
  kind: 'daily' | 'monthly';
  title: string;
  generatedAt: string;
  /** Rows expiring within the window, soonest first. */
  expiring: ExpiryRowDto[];
  /** Already expired and still served or stored. */
  expired: ExpiryRowDto[];
  /** Plain-text body, as it would be mailed. */
  text: string;
}

export type ExpiryExportFormat = 'csv' | 'json' | 'ics' | 'html' | 'pdf' | 'openmetrics';

export interface ExpiryFileDto {
  path: string;
  format: ExpiryExportFormat;
  /** Certificates (rows) in it. */
  rows: number;
}

/** A reminder the main process raises (OS notification in the desktop app; an in-app banner on the web host). */
export interface ExpiryReminderDto {
  title: string;
  body: string;
  /** The rows that crossed a threshold since the last reminder. */
  rows: ExpiryRowDto[];
}

// ---------------------------------------------------------------------------------------------------------
// ACME issuance (issue 15)
// ---------------------------------------------------------------------------------------------------------

/** A known CA, offered first on the Issue page; any other directory URL is 'custom'. */
export interface AcmeCaDto {
  id: 'letsencrypt-staging' | 'letsencrypt' | 'custom';
  name: string;
  directoryUrl: string;
  /** Staging CAs issue untrusted certificates: for trying the flow. */
  staging: boolean;
}

/** What a CA's directory says about itself (RFC 8555 7.1.1 meta), read before an order. */
export interface AcmeDirectoryDto {
  directoryUrl: string;
  /** The terms the user must agree to (a URL; pebble gives a data: URL); null when the CA names none. */
  termsOfService: string | null;
  website: string | null;
  caaIdentities: string[];
  /** The CA requires external account binding (ZeroSSL, Google, Sectigo): ask for a key ID and HMAC key. */
  externalAccountRequired: boolean;
}

export type AcmeChallengeType = 'http-01' | 'dns-01';
/**
 * How a challenge is answered:
 * - 'serve': Certbench serves the HTTP-01 file itself on `httpPort` (it runs on the host the name points to);
 * - 'manual': the user places the file or the TXT record, Certbench checks it, then the user continues;
 * - 'hook': certbot-style commands set and clean up (CLI only: the renderer cannot name a command to run).
 */
export type AcmeChallengeMode = 'serve' | 'manual' | 'hook';

/**
 * An order's state as the user follows it. RFC 8555's pending/ready/processing/valid/invalid, plus:
 * 'waiting' (a manual challenge is shown and Certbench waits for the user to continue),
 * 'issued' (valid and the certificate downloaded), 'error' (stopped by something other than the CA's
 * verdict: network, a failed hook, a restart in a state that needs the user; acme.resume continues it),
 * 'revoked' (revoked through Certbench), 'cancelled' (the user stopped it; its authorizations were deactivated).
 */
export type AcmeOrderState = 'pending' | 'waiting' | 'validating' | 'ready' | 'processing' | 'issued' | 'invalid' | 'error' | 'revoked' | 'cancelled';

/** The key of the certificate: made by Certbench (kept in main, written 0600), or the user's own CSR (no key file). */
export type AcmeKeyChoiceDto = { generate: Exclude<KeySpecName, 'ec:P-521' | 'ed25519'> } | { csrObjectId: string };

/** A live check of a manual challenge (DNS TXT lookup, or fetching the HTTP-01 URL) before telling the CA. */
export interface AcmeCheckDto {
  ok: boolean;
  at: string;
  /** In words: "The TXT record has the expected value", "No TXT record at _acme-challenge.example.com yet". */
  message: string;
  /** What was found (TXT values, or the first 200 characters the URL answered). */
  seen: string[];
}

/** One name's challenge: everything public the user needs to answer it by hand. */
export interface AcmeChallengeDto {
  type: AcmeChallengeType;
  status: 'pending' | 'processing' | 'valid' | 'invalid';
  token: string;
  /** HTTP-01: the URL the CA fetches, the file name (the token) and its content (the key authorization). */
  url?: string;
  fileName?: string;
  fileContent?: string;
  /** DNS-01: the TXT record's name (_acme-challenge.NAME) and value (base64url SHA-256 of the key authorization). */
  txtName?: string;
  txtValue?: string;
  /** The CA's error for this challenge when it failed, in its own words. */
  error?: string;
  check?: AcmeCheckDto;
}

export interface AcmeAuthorizationDto {
  /** The identifier as ordered ("*.example.com" for a wildcard). */
  domain: string;
  wildcard: boolean;
  status: 'pending' | 'valid' | 'invalid' | 'deactivated' | 'expired' | 'revoked';
  /** The chosen challenge; null until the order has its authorizations. */
  challenge: AcmeChallengeDto | null;
}

/** One step of the progress timeline ("Account registered", "CA validated www.example.com", ...). */
export interface AcmeStepDto {
  at: string;
  state: AcmeOrderState;
  message: string;
}

/** Why an order failed: the CA's problem document (RFC 8555 6.7) in its own words, with what to do. */
export interface AcmeProblemDto extends ErrorInfo {
  /** The CA's problem type without the urn:ietf:params:acme:error: prefix ("rateLimited", "unauthorized"), when it gave one. */
  caType: string | null;
  /** Per-identifier problems the CA listed. */
  subproblems: { identifier: string; detail: string }[];
}

/** What the CA issued: public parts only (the key stays in main). */
export interface AcmeResultDto {
  /** Leaf first. */
  certificatePem: string;
  /** Intermediates the CA sent (chain.pem). */
  chainPem: string;
  fullchainPem: string;
  subject: string;
  issuer: string;
  serial: string;
  sha256: string;
  notBefore: string;
  notAfter: string;
  san: string[];
  /** The top issuer of each chain the CA offered (the default first); preferredChain picks one by this name. */
  chains: string[];
  /** Where the certbot set was written (cert.pem, chain.pem, fullchain.pem, privkey.pem), once written. */
  written: WrittenFileDto[];
  /** privkey.pem exists (false when the user gave a CSR). */
  hasKey: boolean;
}

/** An order as the Issue page and `certbench acme status` show it. No private key in it. */
export interface AcmeOrderDto {
  id: string;
  /** The first name, or what the user called it. */
  name: string;
  directoryUrl: string;
  /** The CA's name for display ("Let's Encrypt (staging)", or the directory's host). */
  caName: string;
  staging: boolean;
  domains: string[];
  challenge: AcmeChallengeType;
  mode: AcmeChallengeMode;
  /** The generated key's type, or 'csr' when the user gave a CSR. */
  key: KeySpecName | 'csr';
  email: string | null;
  state: AcmeOrderState;
  /** Work is in progress now (a step is running in the background). */
  busy: boolean;
  createdAt: string;
  updatedAt: string;
  /** The CA's order and account URLs, once known. */
  orderUrl: string | null;
  accountUrl: string | null;
  /** When the CA drops the order if not finished. */
  expiresAt: string | null;
  authorizations: AcmeAuthorizationDto[];
  timeline: AcmeStepDto[];
  problem: AcmeProblemDto | null;
  result: AcmeResultDto | null;
  /** The order this one renews, when it came from acme.renew. */
  renewalOf: string | null;
}

/** What to order: one request from the Issue page or `certbench acme issue`. */
export interface AcmeIssueRequest {
  directoryUrl: string;
  /** A PEM file (a path the user chose) of CA certificates trusted for the ACME server's TLS, beside the system roots. */
  caFile?: string;
  domains: string[];
  email?: string;
  /** The user agreed to the directory's termsOfService; INVALID_ARGUMENT (with the terms URL) when false. */
  agreeTos: boolean;
  eab?: { kid: string; hmacKey: string };
  challenge: AcmeChallengeType;
  mode: AcmeChallengeMode;
  /** 'serve': the port to listen on (default 80) and the address (default all interfaces). */
  httpPort?: number;
  httpAddress?: string;
  /** 'hook' only (CLI): run with CERTBENCH_DOMAIN, CERTBENCH_VALIDATION, CERTBENCH_TOKEN in their environment. */
  authHook?: string;
  cleanupHook?: string;
  key: AcmeKeyChoiceDto;
  /** DNS servers for the DNS-01 pre-check ("127.0.0.1:8053"); default the system's. */
  dnsServers?: string[];
  /** Pick the chain whose top issuer has this common name when the CA offers alternates. */
  preferredChain?: string;
  /** Where to write the certbot set when issued (a folder the user chose); none = saved later with acme.save. */
  destination?: { folder: string; overwrite?: boolean };
  name?: string;
}

/** Sent on 'acme.notice' when an order is issued or fails: the app shows it and the shell notifies the OS. */
export interface AcmeNoticeDto {
  orderId: string;
  ok: boolean;
  title: string;
  body: string;
}
