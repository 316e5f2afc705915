/**
 * Expiry reminders (the expiry.reminder event): the desktop app also shows them as OS notifications; here
 * they are a banner above every page until dismissed: the title, the first few certificates, and a way to the
 * Expiry page.
 */
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import type { ExpiryReminderDto } from '../../main/api/dto';
import { useClient } from '../api/context';
import { FrameBanner } from './FrameBanner';
import { reminderLines } from './reminderLines';

const SHOWN = 3;

export function ReminderBanner({ onShow }: { onShow: () => void }) {
  const client = useClient();
  const [reminder, setReminder] = useState<ExpiryReminderDto | null>(null);
  useEffect(() => client.on('expiry.reminder', setReminder), [client]);
  if (!reminder) return null;
  const { lines, more } = reminderLines(reminder, SHOWN);
  return (
    <FrameBanner
      severity={reminder.rows.some((r) => r.status === 'expired') ? 'error' : 'warning'}
      title={reminder.title}
      dismissLabel="Dismiss the reminder"
      onShow={onShow}
      onDismiss={() => setReminder(null)}
      data={{ 'data-testid': 'expiry-reminder' }}
    >
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
    </FrameBanner>
  );
}
