/**
 * Workbench events shown as OS notifications: expiry reminders, and ACME orders that were issued or failed
 * (acme.notice). Clicking one brings the window forward, where the page shows the same news.
 */
import type { AcmeNoticeDto, ExpiryReminderDto } from '../main/api/dto';
import type { EventHub } from '../main/workbench/events';

/** What is used of Electron's Notification (the fake electron of the app tests has the same). */
interface NotificationClass {
  isSupported(): boolean;
  new (options: { title: string; body: string }): { show(): void; on(event: 'click', listener: () => void): unknown };
}

function notifyOn(name: 'expiry.reminder' | 'acme.notice', events: EventHub, Notification: NotificationClass, onClick: () => void): () => void {
  return events.on((event, payload) => {
    if (event !== name || !Notification.isSupported()) return;
    const { title, body } = payload as ExpiryReminderDto | AcmeNoticeDto;
    const notification = new Notification({ title, body });
    notification.on('click', onClick);
    notification.show();
  });
}

export function notifyReminders(events: EventHub, Notification: NotificationClass, onClick: () => void): () => void {
  return notifyOn('expiry.reminder', events, Notification, onClick);
}

/** An ACME order issued or failed (the CA's reason and what to do are in the body). */
export function notifyAcme(events: EventHub, Notification: NotificationClass, onClick: () => void): () => void {
  return notifyOn('acme.notice', events, Notification, onClick);
}
