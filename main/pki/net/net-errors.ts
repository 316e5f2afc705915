/**
 * Socket and TLS failures in plain words. Node reports them as error codes (ECONNREFUSED, ENOTFOUND,
 * ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE ...); each becomes a PkiError('NETWORK') naming the host, what
 * happened and what to try.
 */
import { PkiError } from '../errors';

/** The error code of a socket error; with happy eyeballs Node may wrap several attempts in an AggregateError. */
export function errorCode(e: unknown): string {
  const err = e as { code?: unknown; errors?: unknown[] };
  if (typeof err?.code === 'string') return err.code;
  if (Array.isArray(err?.errors)) for (const inner of err.errors) if (typeof (inner as { code?: unknown })?.code === 'string') return (inner as { code: string }).code;
  return '';
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'EHOSTDOWN', 'ENETDOWN', 'EAFNOSUPPORT']);

/** A failure while connecting or talking before TLS starts. */
export function socketError(e: unknown, host: string, port: number, phase: string): PkiError {
  const code = errorCode(e);
  const where = `${host}:${port}`;
  if (DNS_CODES.has(code)) {
    return new PkiError(
      'NETWORK',
      `The name ${host} could not be found (DNS${code === 'EAI_AGAIN' ? ' did not answer' : ''}).`,
      'Check the spelling; an internal name may need the company network or VPN.',
    );
  }
  if (code === 'ECONNREFUSED') {
    return new PkiError(
      'NETWORK',
      `${where} refused the connection: nothing listens on port ${port}.`,
      'Check the port (HTTPS is usually 443, SMTP 25 or 587 with STARTTLS, IMAPS 993, LDAPS 636) and that the service runs.',
    );
  }
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new PkiError(
      'NETWORK',
      `${where} reset the connection while ${phase}.`,
      'A firewall or the server dropped it. If the service needs STARTTLS (or does not), choose that; otherwise try again later.',
    );
  }
  if (UNREACHABLE_CODES.has(code)) {
    return new PkiError('NETWORK', `${where} cannot be reached from this machine (${code}).`, 'Check the address and this machine\'s network (an IPv6 address needs IPv6).');
  }
  if (code === 'ETIMEDOUT') {
    return new PkiError('NETWORK', `${where} did not answer in time while ${phase}.`, 'Check the host and port, and that no firewall or VPN blocks the way.');
  }
  const message = e instanceof Error ? e.message : String(e);
  return new PkiError('NETWORK', `The connection to ${where} failed while ${phase}: ${message}.`, 'Check the host and port and try again.');
}

/** The server closed the connection before the step finished. */
export function closedEarly(host: string, port: number, phase: string): PkiError {
  return new PkiError(
    'NETWORK',
    `${host}:${port} closed the connection while ${phase}.`,
    'The service may not speak what was asked on this port: check the port and the STARTTLS choice.',
  );
}

/** What a server's text reply looks like in an error: one line, printable, not too long. */
export function quote(text: string, max = 200): string {
  const clean = text.replace(/\r?\n/g, ' | ').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?').trim();
  return `"${clean.length > max ? clean.slice(0, max) + '...' : clean}"`;
}

/** The alert name hidden in an OpenSSL error code (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE → handshake_failure). */
export function alertFromErrorCode(code: string): string | null {
  const m = /^ERR_SSL_(?:SSLV3|TLSV1|TLSV13)_ALERT_(.+)$/.exec(code);
  return m ? m[1].toLowerCase() : null;
}

const ALERT_HINTS: Record<string, string> = {
  handshake_failure: 'The server found nothing it accepts in what Certbench offered (TLS 1.2/1.3 and current ciphers), or it wants a client certificate.',
  protocol_version: 'The server speaks only TLS versions Certbench does not offer (older than TLS 1.2); it should be upgraded.',
  unrecognized_name: 'The server does not know the name sent as SNI: give the servername it serves.',
  insufficient_security: 'The server wants stronger ciphers than were offered.',
  certificate_required: 'The server requires a client certificate (mutual TLS).',
  access_denied: 'The server refused this client.',
  internal_error: 'The server failed on its side: look at its logs.',
};

export function handshakeAlertError(host: string, port: number, alert: string): PkiError {
  return new PkiError(
    'NETWORK',
    `The TLS handshake with ${host}:${port} failed: the server sent the alert ${alert}.`,
    ALERT_HINTS[alert] ?? 'Check the servername (SNI) and that the port serves TLS.',
  );
}
