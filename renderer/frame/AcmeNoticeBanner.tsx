/**
 * ACME notices (the acme.notice event: an order issued or failed): the desktop app also shows them as OS
 * notifications; here they are a banner above every page until dismissed, with a way to the order.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import CloseIcon from '@mui/icons-material/Close';
import type { AcmeNoticeDto } from '../../main/api/dto';
import { useClient } from '../api/context';
import { addNotice } from './notices';

export function AcmeNoticeBanner({ onShow }: { onShow: (orderId: string) => void }) {
  const client = useClient();
  const [notices, setNotices] = useState<AcmeNoticeDto[]>([]);
  useEffect(() => client.on('acme.notice', (n) => setNotices((list) => addNotice(list, n))), [client]);
  if (notices.length === 0) return null;
  const latest = notices[0]!;
  const failed = notices.some((n) => !n.ok);
  return (
    <Alert
      severity={failed ? 'error' : 'success'}
      role="alert"
      data-testid="acme-notice"
      data-ok={String(latest.ok)}
      sx={{ borderRadius: 0, borderBottom: 1, borderColor: 'divider', '& .MuiAlert-message': { minWidth: 0 } }}
      action={
        <>
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              setNotices([]);
              onShow(latest.orderId);
            }}
          >
            Show
          </Button>
          <IconButton color="inherit" size="small" aria-label="Dismiss the notice" onClick={() => setNotices([])}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </>
      }
    >
      <AlertTitle>{latest.title}</AlertTitle>
      {latest.body}
      {notices.length > 1 && (
        <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
          {notices.slice(1).map((n) => (
            <li key={n.orderId}>{n.title}</li>
          ))}
        </Box>
      )}
    </Alert>
  );
}
