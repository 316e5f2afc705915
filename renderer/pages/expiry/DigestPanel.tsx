/** The digests hosting platforms send, made from the last scan: daily (the smallest threshold) and monthly. */
import { useCallback, useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ErrorInfo, ExpiryDigestDto, ExpiryRowDto } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import { CopyButton } from '../../components/CopyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MONO_FONT } from '../../theme';
import { daysWords } from './words';

function RowList({ title, rows, testId }: { title: string; rows: ExpiryRowDto[]; testId: string }) {
  return (
    <Box data-testid={testId}>
      <Typography variant="subtitle2">
        {title} ({rows.length})
      </Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          None.
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {rows.map((r) => (
            <Typography component="li" variant="body2" key={`${r.source}/${r.sha256}`}>
              <strong>{daysWords(r)}</strong>: {r.subject} <Box component="span" sx={{ color: 'text.secondary', fontFamily: MONO_FONT, fontSize: 12 }}>{r.source}</Box>
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
}

/** `scanId` changes after every scan, so the digest shown is always of the last one. */
export function DigestPanel({ scanId }: { scanId: string | null }) {
  const client = useClient();
  const [kind, setKind] = useState<'daily' | 'monthly'>('monthly');
  const [digest, setDigest] = useState<ExpiryDigestDto | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const load = useCallback(async () => {
    try {
      setDigest(await client.call('expiry.digest', { kind }));
      setError(null);
    } catch (e) {
      setDigest(null);
      setError(errorInfoOf(e));
    }
  }, [client, kind]);
  useEffect(() => {
    if (scanId) void load();
  }, [load, scanId]);

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <ToggleButtonGroup exclusive size="small" value={kind} onChange={(_, k: 'daily' | 'monthly' | null) => k && setKind(k)} aria-label="Which digest">
          <ToggleButton value="monthly" data-testid="expiry-digest-monthly">
            Monthly
          </ToggleButton>
          <ToggleButton value="daily" data-testid="expiry-digest-daily">
            Daily
          </ToggleButton>
        </ToggleButtonGroup>
        <Typography variant="body2" color="text.secondary">
          Like the reports hosting platforms send: monthly lists what expires within the two largest thresholds, daily what expires within the smallest; both list what already expired.
        </Typography>
      </Box>
      {!scanId && <Typography color="text.secondary">Scan the watchlist first: digests are made from the last scan.</Typography>}
      {error && <ErrorAlert error={error} />}
      {digest && (
        <Box data-testid="expiry-digest" sx={{ display: 'grid', gap: 1.5 }}>
          <Typography variant="h6" component="h3">
            {digest.title}
          </Typography>
          <RowList title="Expiring" rows={digest.expiring} testId="expiry-digest-expiring" />
          <RowList title="Already expired, still served or stored" rows={digest.expired} testId="expiry-digest-expired" />
          <Box sx={{ position: 'relative' }}>
            <Typography variant="subtitle2">As it would be mailed</Typography>
            <Box sx={{ position: 'absolute', top: -6, right: 0 }}>
              <CopyButton text={digest.text} what="the digest text" />
            </Box>
            <Box component="pre" sx={{ m: 0, mt: 0.5, p: 1.5, borderRadius: 1, bgcolor: 'action.hover', fontFamily: MONO_FONT, fontSize: 12, whiteSpace: 'pre-wrap', maxHeight: 280, overflow: 'auto' }}>
              {digest.text}
            </Box>
          </Box>
        </Box>
      )}
    </Box>
  );
}
