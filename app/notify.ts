/** Expiry reminders from the workbench as OS notifications; clicking one brings the window forward. */
import type { ExpiryReminderDto } from '../main/api/dto';
import type { EventHub } from '../main/workbench/events';

/** What is used of Electron's Notification (the fake electron of the app tests has the same). */
interface NotificationClass {
  isSupported(): boolean;
  new (options: { title: string; body: string }): { show(): void; on(event: 'click', listener: () => void): unknown };
}

export function notifyReminders(events: EventHub, Notification: NotificationClass, onClick: () => void): () => void {
  return events.on((event, payload) => {
    if (event !== 'expiry.reminder' || !Notification.isSupported()) return;
    const reminder = payload as ExpiryReminderDto;
    const notification = new Notification({ title: reminder.title, body: reminder.body });
    notification.on('click', onClick);
    notification.show();
  });
}
