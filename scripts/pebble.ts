/**
 * `npm run pebble`: a local ACME CA (Debian's pebble and pebble-challtestsrv on 127.0.0.1) for trying the
 * Issue certificate page and `certbench acme` here, without Let's Encrypt. Prints what to enter; Ctrl+C stops it.
 * Its TLS certificate is copied into the web host's output folder so the page's "CA certificate" field can use it.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startPebble } from '../test/helpers/pebble';

async function main(): Promise<void> {
  const pebble = await startPebble();
  const outputDir = resolve(process.env.CERTBENCH_OUTPUT_DIR ?? join(homedir(), 'Certbench output'));
  mkdirSync(outputDir, { recursive: true });
  const caFile = join(outputDir, 'pebble-tls-ca.pem');
  copyFileSync(pebble.caFile, caFile);
  console.log('Local ACME CA (pebble) on 127.0.0.1: for trying issuance only; its certificates are trusted by nothing.');
  console.log(`  Directory URL:     ${pebble.directoryUrl}`);
  console.log(`  CA certificate:    ${caFile}   (pebble's TLS certificate: "CA certificate" / --ca-file)`);
  console.log(`  HTTP-01 port:      ${pebble.httpPort}   (serve on 127.0.0.1 at this port: pebble validates there)`);
  console.log(`  DNS server:        ${pebble.dnsServer}   (every name resolves to 127.0.0.1; for DNS-01 checks)`);
  console.log(`  Set a TXT record:  curl -d '{"host":"_acme-challenge.example.test.","value":"…"}' ${pebble.challtestUrl}/set-txt`);
  console.log('\nFor example:');
  console.log(`  npm run cli -- acme issue --directory ${pebble.directoryUrl} --ca-file "${caFile}" --domain www.example.test --agree-tos --http-port ${pebble.httpPort} --http-address 127.0.0.1 --out-dir /tmp/www-example`);
  console.log('\nPress Ctrl+C to stop.');
  const stop = () => void pebble.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`pebble: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
