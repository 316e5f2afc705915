/** The acme.* methods over the workbench's AcmeOrders (acme/orders.ts). */
import type { MethodHandlers } from '../rpc/dispatcher';
import type { AcmeOrders } from './acme/orders';

type AcmeMethod = Extract<keyof MethodHandlers, `acme.${string}`>;

export function acmeHandlers(orders: AcmeOrders): Pick<MethodHandlers, AcmeMethod> {
  return {
    'acme.cas': async () => ({ cas: orders.cas() }),
    'acme.directory': ({ directoryUrl, caFile }) => orders.directory(directoryUrl, caFile),
    'acme.orders': async () => ({ orders: await orders.list() }),
    'acme.issue': (request) => orders.issue(request),
    'acme.check': ({ orderId }) => orders.check(orderId),
    'acme.continue': ({ orderId }) => orders.continue(orderId),
    'acme.resume': ({ orderId }) => orders.resume(orderId),
    'acme.cancel': ({ orderId }) => orders.cancel(orderId),
    'acme.save': async ({ orderId, destination }) => ({ written: await orders.save(orderId, destination) }),
    'acme.open': ({ orderId }) => orders.open(orderId),
    'acme.renew': ({ orderId, destination }) => orders.renew(orderId, destination),
    'acme.revoke': ({ orderId, reason }) => orders.revoke(orderId, reason),
    'acme.remove': async ({ orderIds }) => ({ orders: await orders.remove(orderIds) }),
  };
}
