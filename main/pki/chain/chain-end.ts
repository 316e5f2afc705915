/**
 * Where the chosen path stops, when it does not reach a trust anchor: the leaf signed itself (SELF_SIGNED),
 * a root nobody here trusts (UNTRUSTED_ROOT), or an issuer that was neither sent nor found (MISSING_INTERMEDIATE).
 */
import type { FetchAttemptDto } from '../../api/dto';
import { certName, issuerName } from './cert-name';
import { holderWho, type Diagnosed, type Holder } from './diagnosed';
import type { PoolCert } from './types';

export interface ChainEndContext extends Holder {
  path: readonly PoolCert[];
  anchored: boolean;
  fetchMissing: boolean;
  /** Downloads already made, to say why an issuer could not be found. */
  fetched: readonly FetchAttemptDto[];
  /** The system roots were used (false: only the user's trust files). */
  systemRoots: boolean;
}

export function chainEndProblems(ctx: ChainEndContext): Diagnosed[] {
  if (ctx.anchored || ctx.path.length === 0) return [];
  const last = ctx.path.length - 1;
  const top = ctx.path[last].cert;
  const name = certName(top);
  const trustWhere = ctx.systemRoots ? 'the trust store (Mozilla\'s roots) or the trust files given' : 'the trust files given (the system roots were off)';
  if (top.selfIssued && last === 0) {
    return [
      {
        code: 'SELF_SIGNED',
        severity: 'error',
        certIndex: 0,
        message: `The certificate ${name} is self-signed: it is its own issuer, and it is not in ${trustWhere}.`,
        fix: `For a public service, get a certificate from a CA the clients trust. For an internal one, add ${name} to each client's trust store (here: add it as a trust file, or certbench chain --trust).`,
        headline: `${name} is self-signed and not trusted`,
      },
    ];
  }
  if (top.selfIssued) {
    return [
      {
        code: 'UNTRUSTED_ROOT',
        severity: 'error',
        certIndex: last,
        message: `The chain ends at the root ${name}, which is not in ${trustWhere}.`,
        fix: `If ${name} is your organisation's own CA, add it to the clients' trust stores (here: add it as a trust file, or certbench chain --trust). Otherwise get the certificate from a publicly trusted CA.`,
        headline: `The chain ends at ${name}, which is not trusted`,
      },
    ];
  }
  const issuer = issuerName(top);
  return [
    {
      code: 'MISSING_INTERMEDIATE',
      severity: 'error',
      certIndex: last,
      message: `${holderWho(ctx)} ${ctx.fromServer ? 'does not send' : 'do not include'} the issuer of ${name} (${issuer}), and it could not be found ${whyNotFound(ctx, top.aia.caIssuers)}.`,
      fix: `Download the intermediate ${issuer} from your CA (its repository page, or the caIssuers address of ${name}) and ${ctx.fromServer ? 'install it after' : 'add it after'} ${name}: the server must send the leaf, then every intermediate.`,
      headline: ctx.fromServer ? `The server forgot its intermediate ${issuer}` : `The issuer of ${name} (${issuer}) is missing`,
    },
  ];
}

function whyNotFound(ctx: ChainEndContext, urls: readonly string[]): string {
  if (urls.length === 0) return 'in the trust store, and the certificate names no address (AIA caIssuers) to download it from';
  if (!ctx.fetchMissing) return `in the trust store; downloads were off (it is published at ${urls[0]}: allow fetching missing issuers, or --fetch-missing)`;
  const failed = ctx.fetched.filter((a) => a.kind === 'aia' && urls.includes(a.url));
  if (failed.length === 0) return `in the trust store or at ${urls[0]}`;
  return `in the trust store, and the download from ${failed[0].url} gave no usable issuer (${failed[0].detail})`;
}
