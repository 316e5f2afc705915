/**
 * What every CLI row pays before Certbench runs a line: a bare Node process. Node 20 reads the certificates
 * named by NODE_EXTRA_CA_CERTS, and builds its own root store with them, when the process starts, whatever
 * the script does; where the variable is set (build machines often point it at the system bundle) that is
 * most of a bare start, so the note measures the start both ways and says what the variable adds.
 */
import { fmt, measureProcess } from './measure';

export function nodeStartNote(): string {
  const bare = measureProcess(process.execPath, ['-e', '0']);
  const extra = process.env.NODE_EXTRA_CA_CERTS;
  if (!extra) return `A bare Node process (node -e 0) takes ${fmt(bare.ms)}: every CLI row includes it.`;
  const { NODE_EXTRA_CA_CERTS: _unset, ...env } = process.env;
  const without = measureProcess(process.execPath, ['-e', '0'], { env });
  return (
    `A bare Node process (node -e 0) takes ${fmt(bare.ms)} here, ${fmt(without.ms)} without NODE_EXTRA_CA_CERTS=${extra}: ` +
    `Node 20 loads those certificates at every start, so each CLI row below includes ${fmt(bare.ms - without.ms)} for them.`
  );
}
