/**
 * "I got my certificate back": what the status line says, and where each export goes. Exports open the
 * Convert wizard prefilled (key + chain, target, options): it already asks the password, the alias, the
 * folder, confirms replacing files and shows the progress, so the CA reply has one writer path, not two.
 */
import type { CaReplyDto, ConvertOptionsDto, ConvertTarget, ErrorInfo } from '../../../main/api/dto';
import type { PageIntent } from '../../frame/navigation';

export interface ReplyExport {
  id: 'pfx' | 'certbot' | 'jks';
  label: string;
  what: string;
  target: ConvertTarget;
  options: ConvertOptionsDto;
}

export const REPLY_EXPORTS: readonly ReplyExport[] = [
  { id: 'pfx', label: 'PFX for Windows/IIS', what: 'One password-protected file with the key and the chain.', target: 'pfx', options: { profile: 'modern' } },
  { id: 'certbot', label: 'PEM set for nginx/Apache', what: 'cert.pem, chain.pem, fullchain.pem and privkey.pem (encrypted).', target: 'certbot', options: {} },
  { id: 'jks', label: 'Java keystore', what: 'The key and certificate under one alias, each CA certificate under its own.', target: 'jks', options: { caEntries: true } },
];

export function exportIntent(reply: CaReplyDto, exp: ReplyExport): Extract<PageIntent, { page: 'convert' }> {
  return { page: 'convert', source: { objectIds: [...reply.objectIds] }, target: exp.target, options: { ...exp.options } };
}

const NOT_SAVED = / \(not saved\)$/;

/** Where the key is, in words: "the key you made for host.example", "the key in server.key". */
export function keyWords(keyLabel: string): string {
  return NOT_SAVED.test(keyLabel) ? `the key you made for ${keyLabel.replace(NOT_SAVED, '')}` : `the key in ${keyLabel}`;
}

export function replyVerdict(reply: CaReplyDto): string {
  const leaf = reply.chain[0];
  // "for host.example … made for host.example" says the name once.
  const same = leaf && reply.keyLabel.replace(NOT_SAVED, '') === leaf.label;
  const what = leaf && !same ? `The certificate for ${leaf.label}` : 'This certificate';
  return `${what} belongs to ${keyWords(reply.keyLabel)}`;
}

/** NO_MATCHING_KEY in the user's words; other errors keep main's message. */
export function replyErrorTitle(error: ErrorInfo): string {
  if (error.code === 'NO_MATCHING_KEY') return 'None of the keys open in Certbench belongs to this certificate';
  return 'The reply could not be used';
}
