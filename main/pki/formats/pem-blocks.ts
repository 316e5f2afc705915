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

const BEGIN = /^-----BEGIN ([A-Z0-9 #._-]+)-----$/;
const END = /^-----END ([A-Z0-9 #._-]+)-----$/;
const BASE64 = /^[A-Za-z0-9+/=]*$/;

export function hasPemBlock(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #._-]+-----/.test(text);
}

export function parsePemBlocks(text: string): PemBlock[] {
  const lines = text.split(/\r?\n|\r/);
  const blocks: PemBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const begin = BEGIN.exec(lines[i].trim());
    if (!begin) {
      i++;
      continue;
    }
    if (blocks.length === MAX_PEM_BLOCKS) throw tooManyPemBlocks();
    const label = begin[1];
    const startLine = i + 1;
    const headers: Record<string, string> = {};
    const body: string[] = [];
    let ended = false;
    let inHeaders = true;
    for (i++; i < lines.length; i++) {
      const line = lines[i].trim();
      const end = END.exec(line);
      if (end) {
        if (end[1] !== label) {
          throw new PkiError('CORRUPT', `PEM block ${blocks.length + 1} (line ${startLine}) begins as "${label}" but ends as "${end[1]}".`, 'The file was probably pasted together incorrectly; check the BEGIN/END lines.');
        }
        ended = true;
        i++;
        break;
      }
      if (BEGIN.test(line)) break;
      if (inHeaders && /^[A-Za-z-]+:/.test(line)) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
        continue;
      }
      inHeaders = false;
      if (line === '') continue;
      if (!BASE64.test(line)) {
        throw new PkiError('CORRUPT', `PEM block ${blocks.length + 1} ("${label}", line ${startLine}) has a line that is not base64 at line ${i + 1}.`, 'Something edited the text inside the block; copy it again from the source.');
      }
      body.push(line);
    }
    if (!ended) {
      throw new PkiError('CORRUPT', `PEM block ${blocks.length + 1} ("${label}", line ${startLine}) has no END line: the file is truncated.`, 'Copy the whole block, including the "-----END ' + label + '-----" line.');
    }
    const b64 = body.join('');
    const der = Buffer.from(b64, 'base64');
    if (der.length === 0) {
      throw new PkiError('CORRUPT', `PEM block ${blocks.length + 1} ("${label}", line ${startLine}) is empty.`, 'Copy the block again from its source.');
    }
    blocks.push({ label, headers, der: new Uint8Array(der.buffer, der.byteOffset, der.length), index: blocks.length + 1, line: startLine });
  }
  return blocks;
}

/** Encodes DER as PEM with 64-character lines, as OpenSSL writes it. */
export function toPem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
