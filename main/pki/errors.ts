/** Every failure the engine reports. Codes are part of the CLI contract (CLI.md). */
export type ErrorCode =
  | 'EMPTY'
  | 'UNRECOGNIZED_FORMAT'
  | 'CORRUPT'
  | 'PASSWORD_REQUIRED'
  | 'WRONG_PASSWORD'
  | 'UNSUPPORTED_ALGORITHM'
  | 'INTEGRITY_FAILED'
  | 'NOT_FOUND'
  | 'EXISTS'
  | 'INVALID_ARGUMENT'
  | 'NO_MATCHING_KEY'
  | 'NETWORK'
  /** The ACME CA refused (rejected identifier, unauthorized, rate limited, bad CSR ...): its own words are in the message. */
  | 'ACME_REFUSED'
  /** The ACME CA could not validate a challenge (or a hook failed): the CA's reason is in the message. */
  | 'CHALLENGE_FAILED'
  | 'TOO_LARGE'
  | 'CANCELLED'
  | 'INTERNAL';

/** The JSON shape of an error on every transport: {code, message, hint}. */
export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  hint: string;
}

/** The only error type a reader may throw. */
export class PkiError extends Error implements ErrorInfo {
  readonly code: ErrorCode;
  readonly hint: string;
  constructor(code: ErrorCode, message: string, hint: string) {
    super(message);
    this.name = 'PkiError';
    this.code = code;
    this.hint = hint;
  }
  toInfo(): ErrorInfo {
    return { code: this.code, message: this.message, hint: this.hint };
  }
}

export function isPkiError(e: unknown): e is PkiError {
  return e instanceof PkiError;
}

/** Turns anything thrown into a typed error; unknown failures become INTERNAL without a stack. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof PkiError) return e.toInfo();
  const message = e instanceof Error ? e.message : String(e);
  return {
    code: 'INTERNAL',
    message: `Certbench hit an unexpected problem: ${message}`,
    hint: 'Please report this with the file that caused it (without private keys).',
  };
}

/** The user stopped waiting for a slow read (Stop in the password dialog, operations.cancel). */
export const cancelled = () => new PkiError('CANCELLED', 'Opening the file was cancelled.', 'Open it again when you are ready.');

export const corrupt = (where: string, hint = 'The file may be truncated or damaged; get a fresh copy from its source.') =>
  new PkiError('CORRUPT', `The file is damaged: ${where}.`, hint);
