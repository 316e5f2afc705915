/**
 * The full object (extensions, PEM, name parts) of the selected row, asked of main when it is selected
 * ('objects.details') and again when the workbench changes (a key opened elsewhere changes "Private key").
 * A late answer for an earlier selection is dropped; until the new answer comes (a few milliseconds) the
 * previous object stays, so moving through the list with the arrow keys does not flicker.
 */
import { useEffect, useState } from 'react';
import type { ObjectDto, WorkbenchState } from '../../../main/api/dto';
import { useClient } from '../../api/context';

export function useObjectDetails(objectId: string | null, state: WorkbenchState): ObjectDto | null {
  const client = useClient();
  const [details, setDetails] = useState<ObjectDto | null>(null);
  useEffect(() => {
    if (!objectId) {
      setDetails(null);
      return;
    }
    let current = true;
    client.call('objects.details', { objectId }).then(
      (o) => current && setDetails(o),
      // The object was closed meanwhile: nothing to show.
      () => current && setDetails(null),
    );
    return () => {
      current = false;
    };
  }, [client, objectId, state]);
  return objectId ? details : null;
}
