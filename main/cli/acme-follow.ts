/**
 * Following one order from the command line until it stops moving: its timeline steps as progress lines on
 * stderr, the hand-placed challenges of a 'manual' order (shown, checked, then Enter, as certbot does), and
 * Ctrl+C, which cancels the order at the CA instead of leaving it half-done in the app's list.
 */
import type { AcmeOrderDto } from '../api/dto';
import { PkiError } from '../pki/errors';
import type { AcmeOrders } from '../workbench/acme/orders';
import type { EventHub } from '../workbench/events';
import { checkLines, manualLines, stepLine } from './acme-text';
import type { Io } from './output';

export interface FollowContext {
  orders: AcmeOrders;
  events: EventHub;
  io: Io;
  /** Progress lines on stderr (human mode); none with --json. */
  progress: boolean;
}

/** Resolves with the order once it is issued, invalid, in error, cancelled or revoked. */
export async function followOrder(ctx: FollowContext, started: AcmeOrderDto): Promise<AcmeOrderDto> {
  const { orders, io } = ctx;
  const id = started.id;
  let printed = 0;
  const printSteps = (order: AcmeOrderDto) => {
    if (!ctx.progress) return;
    for (; printed < order.timeline.length; printed++) io.err(stepLine(order.timeline[printed]));
  };
  printSteps(started);
  const offEvents = ctx.events.on((event, payload) => {
    if (event === 'acme.order' && (payload as AcmeOrderDto).id === id) printSteps(payload as AcmeOrderDto);
  });
  let stopped = false;
  const offStop = io.onStop?.(() => {
    stopped = true;
    io.err('Stopping: cancelling the order at the CA (Ctrl+C again to quit at once).');
    orders.cancel(id).catch(() => undefined);
  });
  try {
    for (;;) {
      const order = await orders.settled(id);
      printSteps(order);
      if (order.state !== 'waiting') return order;
      if (stopped) {
        await orders.cancel(id);
        continue;
      }
      const answer = await answerByHand(ctx, order);
      if (answer === 'continue') await orders.continue(id);
      else await orders.cancel(id);
    }
  } finally {
    offEvents();
    offStop?.();
  }
}

/**
 * A waiting order: show what to place, and on Enter check it (DNS TXT lookup / HTTP fetch) before telling the CA.
 * When the check does not find it yet, Enter checks again and "continue" tells the CA anyway (the CA's
 * resolvers may see what ours do not). End of input or Ctrl+C stops.
 */
async function answerByHand(ctx: FollowContext, order: AcmeOrderDto): Promise<'continue' | 'stop'> {
  const { io, orders } = ctx;
  const terminal = io.terminal;
  if (!terminal) {
    // Checked before the order starts (issue, renew); an order found waiting here has no one to answer it.
    await orders.cancel(order.id);
    throw new PkiError('INVALID_ARGUMENT', `Order ${order.id} waits for records placed by hand, and there is no terminal to wait on; it was cancelled.`, 'Use --manual-auth-hook CMD to place them from a script, or run the command in a terminal.');
  }
  io.err(manualLines(order).join('\n'));
  let question = 'Press Enter once they are in place (Certbench checks them before telling the CA; Ctrl+C stops): ';
  for (;;) {
    const line = await terminal.ask(question);
    if (line === null) return 'stop';
    if (line.trim().toLowerCase() === 'continue') return 'continue';
    const checked = checkLines(await orders.check(order.id));
    io.err(checked.lines.join('\n'));
    if (checked.allOk) return 'continue';
    question = 'Not found yet. Press Enter to check again, or type continue to let the CA check anyway: ';
  }
}
