/** The one way the config importer refuses a file, and the limits that keep a hostile file cheap to read. */
import { PkiError } from '../../errors';

/** An openssl req config is a few KiB; 1 MiB is generous and keeps a hostile file cheap. */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** OpenSSL's own cap on one value once its variables are filled in (MAX_CONF_VALUE_LENGTH). */
export const MAX_VALUE_LENGTH = 64 * 1024;
/** All values together after expansion: without it, many lines each repeating a 64 KiB variable could take gigabytes. */
export const MAX_EXPANDED_TOTAL = 4 * 1024 * 1024;

/**
 * INVALID_ARGUMENT naming the file and line, what is wrong in plain words, and what openssl itself says
 * (`openssl req: ...`), so the user can match it with what they see on the server; null where openssl would not
 * refuse the file but Certbench does (an .include, the environment, its size limits).
 */
export function configError(fileName: string, line: number | null, what: string, openssl: string | null, hint: string): PkiError {
  const where = line === null ? fileName : `${fileName}, line ${line}`;
  return new PkiError('INVALID_ARGUMENT', `${where}: ${what}${openssl ? ` (openssl: "${openssl}")` : ''}.`, hint);
}
