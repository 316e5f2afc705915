/** Describes one raw object outside a workbench, for tests that check what the engine decodes. */
import type { ObjectDto } from '../../main/api/dto';
import { describeObject, type DescribeContext } from '../../main/pki/describe';
import type { RawObject } from '../../main/pki/model';

export function describeAlone(raw: RawObject, id = 't/0', now = new Date()): ObjectDto {
  // A stub vault for private keys; the assertion keeps this valid whether or not the context has one.
  return describeObject(raw, { id, now, storeKey: () => 'handle' } as DescribeContext);
}
