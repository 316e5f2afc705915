/** Splits PEM text into blocks. Tolerates CRLF, indentation, text around blocks and RFC 1421 headers. */
import { PkiError } from '../errors';
import { MAX_PEM_BLOCKS, tooManyPemBlocks } from '../der/limits';

export interface PemBlock {
  /** Label between BEGIN/END, upper case as written: CERTIFICATE, RSA PRIVATE KEY, X509 CRL ... */
  label: string;
  /** RFC 1421 headers (Proc-Type, DEK-Info), names as written. */
  headers: Record<string, string>;
  der: Uint8Array;
  /** 1-based position among the blocks of the file, and the line it starts on. */
  index: number;
  line: number;
}

const LABEL = /^[A-Z0-9 #._-]+$/;
const BEGIN_MARK = '-----BEGIN ';
const END_MARK = '-----END ';
const DASHES = '-----';
/** Base64 with line breaks and spaces (PEM bodies are wrapped and sometimes indented). */
const BODY = /^[A-Za-z0-9+/=\s]*$/;

export function hasPemBlock(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #._-]+-----/.test(text);
}

/**
 * Scans the text once with indexOf, never splitting it into lines: a 100,000-certificate bundle makes
 * 100,000 small strings here, not millions.
 */
export function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let pos = 0;
  let line = 1;
  let counted = 0;
  const lineAt = (offset: number) => {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    counted = Math.max(counted, offset);
    return line;
  };
  for (;;) {
    const begin = text.indexOf(BEGIN_MARK, pos);
    if (begin === -1) break;
    const labelEnd = text.indexOf(DASHES, begin + BEGIN_MARK.length);
    const label = labelEnd === -1 ? '' : text.slice(begin + BEGIN_MARK.length, labelEnd);
    if (!LABEL.test(label) || !atLineEdge(text, begin, labelEnd + DASHES.length)) {
      pos = begin + BEGIN_MARK.length;
      continue;
    }
    if (blocks.length === MAX_PEM_BLOCKS) throw tooManyPemBlocks();
    const startLine = lineAt(begin);
    const bodyStart = labelEnd + DASHES.length;
    const index = blocks.length + 1;
    const end = text.indexOf(END_MARK, bodyStart);
    const nextBegin = text.indexOf(BEGIN_MARK, bodyStart);
    if (end === -1 || (nextBegin !== -1 && nextBegin < end)) {
      throw new PkiError('CORRUPT', `PEM block ${index} ("${label}", line ${startLine}) has no END line: the file is truncated.`, 'Copy the whole block, including the "-----END ' + label + '-----" line.');
    }
    const endLabelEnd = text.indexOf(DASHES, end + END_MARK.length);
    const endLabel = endLabelEnd === -1 ? '' : text.slice(end + END_MARK.length, endLabelEnd);
    if (endLabel !== label) {
      throw new PkiError('CORRUPT', `PEM block ${index} (line ${startLine}) begins as "${label}" but ends as "${endLabel}".`, 'The file was probably pasted together incorrectly; check the BEGIN/END lines.');
    }
    const { headers, body, skipped } = splitHeaders(text.slice(bodyStart, end));
    if (!BODY.test(body)) {
      const bad = body.split(/\r?\n|\r/).findIndex((l) => !BODY.test(l));
      throw new PkiError('CORRUPT', `PEM block ${index} ("${label}", line ${startLine}) has a line that is not base64 at line ${lineAt(bodyStart) + skipped + bad}.`, 'Something edited the text inside the block; copy it again from the source.');
    }
    const der = Buffer.from(body, 'base64');
    if (der.length === 0) {
      throw new PkiError('CORRUPT', `PEM block ${index} ("${label}", line ${startLine}) is empty.`, 'Copy the block again from its source.');
    }
    blocks.push({ label, headers, der: new Uint8Array(der.buffer, der.byteOffset, der.length), index, line: startLine });
    pos = endLabelEnd + DASHES.length;
  }
  return blocks;
}

/** A BEGIN line stands alone on its line (spaces around it allowed), as OpenSSL requires. */
function atLineEdge(text: string, from: number, to: number): boolean {
  for (let i = from - 1; i >= 0 && text[i] !== '\n' && text[i] !== '\r'; i--) if (text[i] !== ' ' && text[i] !== '\t') return false;
  for (let i = to; i < text.length && text[i] !== '\n' && text[i] !== '\r'; i++) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

/** RFC 1421 headers (Proc-Type, DEK-Info) before the base64, then the body. */
/** `skipped`: the lines before the body, counted from the BEGIN line (for messages that name a line). */
function splitHeaders(inner: string): { headers: Record<string, string>; body: string; skipped: number } {
  const headers: Record<string, string> = {};
  if (!/^\s*[A-Za-z-]+:/.test(inner)) return { headers, body: inner, skipped: 0 };
  const lines = inner.split(/\r?\n|\r/);
  let i = 0;
  for (; i < lines.length; i++) {
    const l = lines[i].trim();
    if (l === '' && Object.keys(headers).length === 0) continue;
    if (!/^[A-Za-z-]+:/.test(l)) break;
    const colon = l.indexOf(':');
    headers[l.slice(0, colon).trim()] = l.slice(colon + 1).trim();
  }
  return { headers, body: lines.slice(i).join('\n'), skipped: i };
}

/** Encodes DER as PEM with 64-character lines, as OpenSSL writes it. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
