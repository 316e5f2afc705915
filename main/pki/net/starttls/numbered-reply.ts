/**
 * SMTP and FTP replies: a three-digit code, then '-' on every line but the last and ' ' on the last
 * (RFC 5321 4.2.1, RFC 959 4.2).
 */
import type { PreambleChannel } from './channel';

export interface NumberedReply {
  code: number;
  /** The text of every line, without the codes. */
  lines: string[];
  /** The reply as the server wrote it, for error messages. */
  raw: string;
}

export async function readNumberedReply(channel: PreambleChannel): Promise<NumberedReply> {
  const rawLines: string[] = [];
  const lines: string[] = [];
  for (;;) {
    const line = await channel.readLine();
    rawLines.push(line);
    const m = /^(\d{3})([- ]?)(.*)$/.exec(line);
    if (!m) {
      // FTP lets a multi-line reply carry lines without a code in its middle.
      if (rawLines.length > 1) {
        lines.push(line);
        continue;
      }
      return { code: 0, lines: [line], raw: rawLines.join('\n') };
    }
    lines.push(m[3]);
    if (m[2] !== '-') return { code: Number(m[1]), lines, raw: rawLines.join('\n') };
  }
}
