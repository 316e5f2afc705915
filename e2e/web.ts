/**
 * `npm run web`: Certbench in a browser, for development and trying the app. Never packaged: the desktop
 * app talks to main over IPC, not HTTP.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startHost } from './host';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  // No save dialog in a browser: everything Certbench writes goes to this one folder.
  const outputDir = resolve(process.env.CERTBENCH_OUTPUT_DIR ?? join(homedir(), 'Certbench output'));
  const host = await startHost({ port, staticDir: process.env.CERTBENCH_RENDERER_DIR, outputDir, reminders: true, acme: true });
  console.log('Certbench web host (development and trying the app only; never packaged), bound to 127.0.0.1.');
  console.log('Open this URL (it carries this launch\'s access token):');
  console.log(`\n  ${host.url}\n`);
  console.log(`Converted files and keystores are written to ${outputDir} (set CERTBENCH_OUTPUT_DIR to change).`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`certbench web: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
