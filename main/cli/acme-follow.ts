/**
 * Following orders from the command line until they stop moving: their timeline steps as progress lines on
 * stderr (from the first step, while the order is still being placed), the hand-placed challenges of a 'manual'
 * order (shown, checked, then Enter, as certbot does), and Ctrl+C: an order being placed is abandoned (nothing is
 * kept), a placed one is cancelled at the CA instead of being left half-done in the app's list.
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

export class OrderFollower {
  private readonly printed = new Map<string, number>();
  private readonly offEvents: () => void;
  private readonly offStop: (() => void) | undefined;
  private current: string | null = null;
  private stopped = false;
  /** The cancellation Ctrl+C started: the order is followed until it is done (state 'cancelled'). */
  private cancelling: Promise<AcmeOrderDto | null> | null = null;

  /** Listens from now on: create it before acme.issue / acme.renew so the first steps and Ctrl+C are not missed. */
  constructor(private readonly ctx: FollowContext) {
    this.offEvents = ctx.events.on((event, payload) => {
      if (event === 'acme.order') this.printSteps(payload as AcmeOrderDto);
    });
    this.offStop = ctx.io.onStop?.(() => this.stop());
  }

  /** Resolves with the order once it is issued, invalid, in error, cancelled or revoked. */
  async follow(started: AcmeOrderDto): Promise<AcmeOrderDto> {
    const { orders } = this.ctx;
    const id = started.id;
    this.current = id;
    this.printSteps(started);
    try {
      for (;;) {
        let order = await orders.settled(id);
        // Stopped by Ctrl+C: the background run ends first, then the cancellation marks the order.
        if (this.cancelling) order = (await this.cancelling) ?? (await orders.settled(id));
        this.printSteps(order);
        if (order.state !== 'waiting') return order;
        const answer = this.stopped ? 'stop' : await this.answerByHand(order);
        if (answer === 'continue' && !this.stopped) await orders.continue(id);
        else if (!this.cancelling) await orders.cancel(id);
      }
    } finally {
      this.current = null;
    }
  }

  /** Ctrl+C was pressed: start nothing more. */
  get stopping(): boolean {
    return this.stopped;
  }

  dispose(): void {
    this.offEvents();
    this.offStop?.();
  }

  private printSteps(order: AcmeOrderDto): void {
    if (!this.ctx.progress) return;
    let n = this.printed.get(order.id) ?? 0;
    for (; n < order.timeline.length; n++) this.ctx.io.err(stepLine(order.timeline[n]));
    this.printed.set(order.id, n);
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const { io, orders } = this.ctx;
    if (this.current) {
      io.err('Stopping: cancelling the order at the CA (Ctrl+C again to quit at once).');
      this.cancelling = orders.cancel(this.current).catch(() => null);
    } else {
      // Still being placed (or between renewals): stop all ACME work; nothing unfinished is kept.
      io.err('Stopping (Ctrl+C again to quit at once).');
      orders.close().catch(() => undefined);
    }
  }

  /**
   * A waiting order: show what to place, and on Enter check it (DNS TXT lookup / HTTP fetch) before telling the
   * CA. When the check does not find it yet, Enter checks again and "continue" tells the CA anyway (the CA's
   * resolvers may see what ours do not). End of input or Ctrl+C stops.
   */
  private async answerByHand(order: AcmeOrderDto): Promise<'continue' | 'stop'> {
    const { io, orders } = this.ctx;
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
      if (line === null || this.stopped) return 'stop';
      if (line.trim().toLowerCase() === 'continue') return 'continue';
      const checked = checkLines(await orders.check(order.id));
      io.err(checked.lines.join('\n'));
      if (checked.allOk) return 'continue';
      question = 'Not found yet. Press Enter to check again, or type continue to let the CA check anyway: ';
    }
  }
}
