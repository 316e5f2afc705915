/** What a file dropped on the New CSR page is: an OpenSSL config for the form, or the CA's reply. */

/** Text with `[section]` headers or `key = value` lines and no PEM block: a config file. */
export function looksLikeConfig(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 64 * 1024);
  // Binary (DER, P7B): not a config.
  if (head.some((b) => b < 32 && b !== 9 && b !== 10 && b !== 12 && b !== 13)) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (/-----BEGIN [A-Z0-9 ]+-----/.test(text)) return false;
  return /^\s*\[\s*[\w .-]+\s*\]\s*$/m.test(text) || /^\s*[\w.$-]+\s*=/m.test(text);
}
