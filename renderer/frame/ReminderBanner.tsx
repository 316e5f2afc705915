/**
 * Expiry reminders (the expiry.reminder event): the desktop app also shows them as OS notifications; here
 * they are a banner above every page until dismissed: the title, the first few certificates, and a way to the
 * Expiry page.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import CloseIcon from '@mui/icons-material/Close';
import type { ExpiryReminderDto } from '../../main/api/dto';
import { useClient } from '../api/context';
import { reminderLines } from './reminderLines';

const SHOWN = 3;

export function ReminderBanner({ onShow }: { onShow: () => void }) {
  const client = useClient();
  const [reminder, setReminder] = useState<ExpiryReminderDto | null>(null);
  useEffect(() => client.on('expiry.reminder', setReminder), [client]);
  if (!reminder) return null;
  const expired = reminder.rows.some((r) => r.status === 'expired');
  const { lines, more } = reminderLines(reminder, SHOWN);
  return (
    <Alert
      severity={expired ? 'error' : 'warning'}
      role="alert"
      data-testid="expiry-reminder"
      sx={{ borderRadius: 0, borderBottom: 1, borderColor: 'divider', '& .MuiAlert-message': { minWidth: 0 } }}
      action={
        <>
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              setReminder(null);
              onShow();
            }}
          >
            Show
          </Button>
          <IconButton color="inherit" size="small" aria-label="Dismiss the reminder" onClick={() => setReminder(null)}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </>
      }
    >
      <AlertTitle>{reminder.title}</AlertTitle>
      {lines.length === 0 ? (
        reminder.body
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
          {more > 0 && <li>and {more} more on the Expiry page</li>}
        </Box>
      )}
    </Alert>
  );
}
