/**
 * Expiry reminders (the expiry.reminder event): the desktop app also shows them as OS notifications; here
 * they are a banner above every page until dismissed, with a way to the Expiry page.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import type { ExpiryReminderDto } from '../../main/api/dto';
import { useClient } from '../api/context';

export function ReminderBanner({ onShow }: { onShow: () => void }) {
  const client = useClient();
  const [reminder, setReminder] = useState<ExpiryReminderDto | null>(null);
  useEffect(() => client.on('expiry.reminder', setReminder), [client]);
  if (!reminder) return null;
  const expired = reminder.rows.some((r) => r.status === 'expired');
  return (
    <Alert
      severity={expired ? 'error' : 'warning'}
      role="alert"
      data-testid="expiry-reminder"
      onClose={() => setReminder(null)}
      sx={{ borderRadius: 0, borderBottom: 1, borderColor: 'divider' }}
      action={
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
      }
    >
      <AlertTitle>{reminder.title}</AlertTitle>
      {reminder.body}
    </Alert>
  );
}
