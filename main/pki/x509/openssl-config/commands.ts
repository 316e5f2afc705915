/** The command lines that make the same key and CSR (or self-signed certificate) on a server: openssl, then keytool. */
import type { CsrSpecDto, EquivalentCommandDto, KeySpecName } from '../../../api/dto';
import { keytoolCommands } from './keytool-commands';
import { opensslCommands, type CommandOptions } from './openssl-commands';

export function equivalentCommands(spec: CsrSpecDto, key: KeySpecName | null, options: CommandOptions): EquivalentCommandDto[] {
  return [...opensslCommands(spec, key, options), ...keytoolCommands(spec, key, options)];
}
