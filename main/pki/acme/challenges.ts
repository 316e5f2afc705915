/**
 * Answering challenges: Certbench's own HTTP-01 responder, the live checks shown before telling the CA
 * (DNS TXT lookup through chosen servers, fetching the HTTP-01 URL), and certbot-style hooks.
 */
export { startHttp01Responder, type Http01Responder } from './http01-server';
export { checkDnsTxt, checkHttp01 } from './challenge-checks';
export { runHook, type HookRun } from './hooks';
export { dns01TxtName, http01Path, http01Url } from './challenge-names';
