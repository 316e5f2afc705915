import * as der from '../../der/write';
import type { ExtensionValue } from './extension-write';

/**
 * basicConstraints, always critical here: CA:TRUE with an optional pathLenConstraint, or CA:FALSE (an empty
 * SEQUENCE: DER leaves out cA's DEFAULT FALSE).
 */
export function basicConstraintsExtension(ca: boolean, pathLength?: number): ExtensionValue {
  const parts: Uint8Array[] = [];
  if (ca) {
    parts.push(der.tlv(0x01, Uint8Array.of(0xff)));
    if (pathLength !== undefined) parts.push(der.integer(pathLength));
  }
  return { oid: '2.5.29.19', critical: true, value: der.sequence(...parts) };
}
