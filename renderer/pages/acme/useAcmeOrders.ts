/**
 * The orders as main keeps them (acme.orders), kept live by 'acme.order' events, and the calls that move an
 * order on. A call that fails says why (`error`, with the order it was about); the list stays as it was.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiMethod, ApiRequest } from '../../../main/api/contract';
import type { AcmeIssueRequest, AcmeOrderDto, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import { mergeListing, upsertOrder } from './orders';

type OrderMethod = 'acme.check' | 'acme.continue' | 'acme.resume' | 'acme.cancel' | 'acme.revoke' | 'acme.renew';

export interface OrderCallError {
  /** The order the call was about; null for a new order. */
  orderId: string | null;
  action: string;
  error: ErrorInfo;
}

export interface AcmeOrdersModel {
  orders: AcmeOrderDto[];
  loaded: boolean;
  loadError: ErrorInfo | null;
  /** The call in flight per order ("check", "continue" …), to disable its buttons. */
  running: ReadonlyMap<string, string>;
  error: OrderCallError | null;
  clearError(): void;
  issue(request: AcmeIssueRequest): Promise<AcmeOrderDto | null>;
  act<M extends OrderMethod>(method: M, request: ApiRequest<M>): Promise<AcmeOrderDto | null>;
  remove(orderIds: string[]): Promise<boolean>;
  find(orderId: string | null): AcmeOrderDto | null;
}

const actionOf = (method: ApiMethod) => method.replace(/^acme\./, '');

export function useAcmeOrders(): AcmeOrdersModel {
  const client = useClient();
  const [orders, setOrders] = useState<AcmeOrderDto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null);
  const [running, setRunning] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<OrderCallError | null>(null);
  const [issuing, setIssuing] = useState(false);

  useEffect(() => {
    let live = true;
    const off = client.on('acme.order', (order) => setOrders((list) => upsertOrder(list, order)));
    client.call('acme.orders', {}).then(
      ({ orders: listed }) => {
        if (!live) return;
        setOrders((list) => mergeListing(list, listed));
        setLoaded(true);
      },
      (e: unknown) => {
        if (!live) return;
        setLoadError(errorInfoOf(e));
        setLoaded(true);
      },
    );
    return () => {
      live = false;
      off();
    };
  }, [client]);

  const mark = (orderId: string, action: string | null) =>
    setRunning((m) => {
      const next = new Map(m);
      if (action) next.set(orderId, action);
      else next.delete(orderId);
      return next;
    });

  const issue = useCallback(
    async (request: AcmeIssueRequest) => {
      if (issuing) return null;
      setIssuing(true);
      setError(null);
      try {
        const order = await client.call('acme.issue', request);
        setOrders((list) => upsertOrder(list, order));
        return order;
      } catch (e) {
        setError({ orderId: null, action: 'issue', error: errorInfoOf(e) });
        return null;
      } finally {
        setIssuing(false);
      }
    },
    [client, issuing],
  );

  const act = useCallback(
    async <M extends OrderMethod>(method: M, request: ApiRequest<M>) => {
      const orderId = (request as { orderId: string }).orderId;
      mark(orderId, actionOf(method));
      setError(null);
      try {
        const order = (await client.call(method, request)) as AcmeOrderDto;
        setOrders((list) => upsertOrder(list, order));
        return order;
      } catch (e) {
        setError({ orderId, action: actionOf(method), error: errorInfoOf(e) });
        return null;
      } finally {
        mark(orderId, null);
      }
    },
    [client],
  );

  const remove = useCallback(
    async (orderIds: string[]) => {
      setError(null);
      try {
        const { orders: left } = await client.call('acme.remove', { orderIds });
        setOrders((list) => mergeListing(list, left));
        return true;
      } catch (e) {
        setError({ orderId: orderIds[0] ?? null, action: 'remove', error: errorInfoOf(e) });
        return false;
      }
    },
    [client],
  );

  const find = useCallback((orderId: string | null) => (orderId ? (orders.find((o) => o.id === orderId) ?? null) : null), [orders]);

  const withIssue = issuing ? new Map([...running, ['', 'issue']]) : running;
  return { orders, loaded, loadError, running: withIssue, error, clearError: useCallback(() => setError(null), []), issue, act, remove, find };
}
