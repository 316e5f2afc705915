/**
 * ACME notices (the acme.notice event: an order issued or failed): the desktop app also shows them as OS
 * notifications; here they are a banner above every page until dismissed, with a way to the order.
 */
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import type { AcmeNoticeDto } from '../../main/api/dto';
import { useClient } from '../api/context';
import { FrameBanner } from './FrameBanner';
import { addNotice } from './notices';

export function AcmeNoticeBanner({ onShow }: { onShow: (orderId: string) => void }) {
  const client = useClient();
  const [notices, setNotices] = useState<AcmeNoticeDto[]>([]);
  useEffect(() => client.on('acme.notice', (n) => setNotices((list) => addNotice(list, n))), [client]);
  if (notices.length === 0) return null;
  const latest = notices[0]!;
  return (
    <FrameBanner
      severity={notices.some((n) => !n.ok) ? 'error' : 'success'}
      title={latest.title}
      dismissLabel="Dismiss the notice"
      onShow={() => onShow(latest.orderId)}
      onDismiss={() => setNotices([])}
      data={{ 'data-testid': 'acme-notice', 'data-ok': String(latest.ok) }}
    >
      {latest.body}
      {notices.length > 1 && (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {notices.slice(1).map((n) => (
            <li key={n.orderId}>{n.title}</li>
          ))}
        </Box>
      )}
    </FrameBanner>
  );
}
