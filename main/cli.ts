/** The command line (dist/main/cli-engine.js), run by dist/main/cli.js (main/cli-start.ts) through the code cache. */
import { runCli } from './cli/main';

// A reader that stops early (`certbench inspect big.pem | head`) closes the pipe: stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('certbench: an unexpected problem stopped the command.\n');
    process.exitCode = 2;
  },
);
