/**
 * Recognises an `openssl req` config opened in the Inspector, so it is named and summarised instead of
 * "unrecognised": a text with a [ req ] section or a distinguished_name setting, read by the importer.
 */
import { isPkiError } from '../../errors';
import { MAX_CONFIG_BYTES } from './conf-errors';
import { importReqConfig } from './req-import';

const LOOKS_LIKE_REQ = /^[ \t]*(\[[ \t]*req[ \t]*\]|distinguished_name[ \t]*=)/m;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A one-line note about the config, or null when the text is not one. */
export function reqConfigNote(text: string, name = 'The config'): string | null {
  if (text.length > MAX_CONFIG_BYTES || !LOOKS_LIKE_REQ.test(text)) return null;
  try {
    const { spec } = importReqConfig(text, name);
    const cn = [...spec.subject].reverse().find((a) => a.type === 'CN');
    const who = cn ? `CN=${cn.value}` : spec.subject.length ? spec.subject.map((a) => `${a.type}=${a.value}`).join(', ') : 'no subject yet';
    return `OpenSSL req settings: ${who}, ${plural(spec.san.length, 'SAN')}; open New CSR to use it.`;
  } catch (e) {
    if (!isPkiError(e)) throw e;
    return `OpenSSL req settings that openssl would refuse: ${e.message} ${e.hint}`;
  }
}
