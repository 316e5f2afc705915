/** Describes one raw object outside a workbench, for tests that check what the engine decodes. */
import type { ObjectDto } from '../../main/api/dto';
import { describeObject } from '../../main/pki/describe';
import type { RawObject } from '../../main/pki/model';

export function describeAlone(raw: RawObject, id = 't/0', now = new Date()): ObjectDto {
  return describeObject(raw, { id, now });
}
