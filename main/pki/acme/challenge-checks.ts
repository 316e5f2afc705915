/**
 * Live checks of a challenge before the CA is told: the DNS-01 TXT record looked up through chosen servers,
 * and the HTTP-01 URL fetched. Each says in words what it found; neither asks the CA anything.
 */
import type { Resolver } from 'node:dns/promises';
import type { AcmeCheckDto } from '../../api/dto';
import { PkiError } from '../errors';
import { nodeDnsPromises, nodeHttp } from '../lazy-builtins';
import { errorCode, quote } from '../net/net-errors';
import { http01Path } from './challenge-names';

const DNS_TIMEOUT_MS = 1_000;
const HTTP_TIMEOUT_MS = 5_000;
const SEEN_CHARS = 200;
const MAX_READ_BYTES = 64 * 1024;

function resolverFor(servers: string[] | undefined): Resolver {
  const resolver = new (nodeDnsPromises().Resolver)({ timeout: DNS_TIMEOUT_MS, tries: 2 });
  if (servers?.length) {
    try {
      resolver.setServers(servers);
    } catch {
      throw new PkiError('INVALID_ARGUMENT', `"${servers.join(', ')}" are not DNS server addresses.`, 'Give IP addresses, with a port if not 53: 1.1.1.1, 127.0.0.1:8053, [2001:db8::1]:53.');
    }
  }
  return resolver;
}

const check = (ok: boolean, message: string, seen: string[] = []): AcmeCheckDto => ({ ok, at: new Date().toISOString(), message, seen });

function dnsTrouble(code: string, name: string, servers: string[] | undefined): string | null {
  const via = servers?.length ? ` (asked ${servers.join(', ')})` : '';
  if (code === 'ENOTFOUND') return `The name ${name} does not exist in DNS yet${via}.`;
  if (code === 'ENODATA') return `There is no TXT record at ${name} yet${via}.`;
  if (code === 'ETIMEOUT' || code === 'ECONNREFUSED') return `The DNS servers did not answer${via}.`;
  if (code === 'ESERVFAIL' || code === 'EREFUSED') return `The DNS servers refused or failed to look up ${name}${via}.`;
  return null;
}

/** Looks up TXT records at `name` (through `servers`, "host:port", default the system's) and compares with `expected`. */
export async function checkDnsTxt(name: string, expected: string, servers?: string[]): Promise<AcmeCheckDto> {
  const resolver = resolverFor(servers);
  let records: string[];
  try {
    records = (await resolver.resolveTxt(name)).map((chunks) => chunks.join(''));
  } catch (e) {
    const code = errorCode(e);
    return check(false, dnsTrouble(code, name, servers) ?? `The TXT lookup of ${name} failed (${code || (e as Error).message}).`);
  }
  const seen = records.map((r) => r.slice(0, SEEN_CHARS));
  if (records.length === 0) return check(false, `There is no TXT record at ${name} yet.`, seen);
  if (records.includes(expected)) {
    const others = records.length - 1;
    return check(true, others ? `The TXT record at ${name} has the expected value (beside ${others} other value${others > 1 ? 's' : ''}, which is fine: the CA looks for its own).` : `The TXT record at ${name} has the expected value.`, seen);
  }
  return check(false, records.length > 1 ? `None of the ${records.length} TXT values at ${name} is the expected one.` : `The TXT record at ${name} holds ${quote(records[0], 80)}, not the expected value.`, seen);
}

/** Fetches http://domain[:port]/.well-known/acme-challenge/token (the name resolved through `servers` when given). */
export async function checkHttp01(domain: string, token: string, expected: string, options: { port?: number; servers?: string[] }): Promise<AcmeCheckDto> {
  if (domain.startsWith('*.')) throw new PkiError('INVALID_ARGUMENT', `${domain} is a wildcard: it can only be validated with DNS-01.`, 'Choose the DNS-01 challenge for wildcard names.');
  const port = options.port ?? 80;
  const url = `http://${domain}${port === 80 ? '' : `:${port}`}${http01Path(token)}`;
  let address = domain;
  if (options.servers?.length) {
    try {
      [address] = await resolverFor(options.servers).resolve4(domain);
    } catch (e) {
      const code = errorCode(e);
      return check(false, code === 'ENOTFOUND' || code === 'ENODATA' ? `${domain} has no A record (asked ${options.servers.join(', ')}).` : `Looking up ${domain} failed (asked ${options.servers.join(', ')}: ${code}).`);
    }
  }
  let answer: { status: number; body: string; location?: string };
  try {
    answer = await get(address, port, domain, http01Path(token));
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ECONNREFUSED') return check(false, `Nothing answers on port ${port} of ${domain}${address !== domain ? ` (${address})` : ''}: ${url} cannot be fetched.`);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return check(false, `${domain} cannot be found in DNS, so ${url} cannot be fetched.`);
    if (code === 'TIMEOUT') return check(false, `${url} did not answer within ${HTTP_TIMEOUT_MS / 1000} seconds.`);
    return check(false, `Fetching ${url} failed (${code || (e as Error).message}).`);
  }
  const seen = answer.body ? [answer.body.slice(0, SEEN_CHARS)] : [];
  if (answer.status >= 300 && answer.status < 400) {
    return check(false, `${url} answered HTTP ${answer.status}, a redirect to ${answer.location ?? '(nowhere)'}; the CA follows redirects to port 80 or 443 only, so check that address serves the file.`, seen);
  }
  if (answer.status !== 200) return check(false, `${url} answered HTTP ${answer.status}${answer.status === 404 ? ': the file is not there' : ''}.`, seen);
  if (answer.body.trim() === expected) return check(true, `${url} answers the expected content.`, seen);
  return check(false, `${url} answered HTTP 200, but not with the expected content (it must be exactly the key authorization).`, seen);
}

function get(address: string, port: number, host: string, path: string): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = nodeHttp().request({ host: address, port, path, method: 'GET', headers: { Host: port === 80 ? host : `${host}:${port}`, 'User-Agent': 'Certbench challenge check', Connection: 'close' }, agent: false });
    const timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), HTTP_TIMEOUT_MS);
    req.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        if (size < MAX_READ_BYTES) chunks.push(c);
        size += c.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        const location = typeof res.headers.location === 'string' ? res.headers.location : undefined;
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, MAX_READ_BYTES).toString('utf8'), location });
      });
      res.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    req.end();
  });
}
