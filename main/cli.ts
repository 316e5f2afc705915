/** The command line (dist/main/cli-engine.js), run by dist/main/cli.js (main/cli-start.ts) through the code cache. */
import { runCli } from './cli/main';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('certbench: an unexpected problem stopped the command.\n');
    process.exitCode = 2;
  },
);
