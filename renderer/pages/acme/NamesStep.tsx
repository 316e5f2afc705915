/**
 * Step 2, "Which names?": the host names (the SAN editor shared with the New CSR wizard, host names only);
 * a wildcard says at once that it needs DNS-01, before anything is ordered.
 */
import { useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { SanDto } from '../../../main/api/dto';
import { SanEditor } from '../csr/SanEditor';
import { domainsOf, namePlaces, wildcardsOf } from './names';

export function NamesStep({ names, onNames }: { names: SanDto[]; onNames: (names: SanDto[]) => void }) {
  const places = useMemo(() => namePlaces(names), [names]);
  const wildcards = wildcardsOf(domainsOf(names));
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 760 }}>
      <Typography variant="body2" color="text.secondary">
        Every name the certificate must cover. The CA checks each one: it has to point at a server you control, or be in a DNS zone you can edit.
      </Typography>
      <SanEditor rows={names} onRows={onNames} places={places} dnsOnly />
      {wildcards.length > 0 && (
        <Alert severity="info" data-testid="acme-wildcard-note">
          {wildcards.join(', ')} {wildcards.length === 1 ? 'is a wildcard' : 'are wildcards'}: a CA proves a wildcard only through DNS, so this order uses DNS-01. You will add a TXT record
          (_acme-challenge.{wildcards[0]!.slice(2)}) for each name; HTTP-01 cannot be used.
        </Alert>
      )}
    </Box>
  );
}
