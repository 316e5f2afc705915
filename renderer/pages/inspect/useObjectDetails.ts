/**
 * The full object (extensions, PEM, name parts) of the selected row, asked of main when it is selected
 * ('objects.details') and again when what main links to it changes (a key opened elsewhere changes "Private
 * key"). Holding an arrow key through the list asks only for the row it stops on; a late answer for an earlier
 * selection is dropped, and the previous object stays until the new one comes, so nothing flickers.
 */
import { useEffect, useState } from 'react';
import type { MatchGroupDto, ObjectDto, ObjectSummaryDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';

/** Long enough to skip the rows an arrow key passes over, short enough not to be seen. */
const SETTLE_MS = 60;

export function useObjectDetails(row: ObjectSummaryDto | undefined, group: MatchGroupDto | undefined): ObjectDto | null {
  const client = useClient();
  const [details, setDetails] = useState<ObjectDto | null>(null);
  const objectId = row?.id ?? null;
  // What the details depend on: the object (a file read again with its password may hold another object at
  // the same place) and its links to the other open objects.
  const links = `${row?.kind}|${row?.sha256 ?? row?.spkiSha256}|${row?.matchGroup}|${row?.hasPrivateKey}|${group?.members.length}`;
  useEffect(() => {
    if (!objectId) {
      setDetails(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      client.call('objects.details', { objectId }).then(
        (o) => current && setDetails(o),
        // The object was closed meanwhile: nothing to show.
        () => current && setDetails(null),
      );
    }, SETTLE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, objectId, links]);
  return objectId ? details : null;
}
