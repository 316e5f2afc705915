/** Entry of dist/main/cli.js (`npm run cli --`, the `certbench` bin). */
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
