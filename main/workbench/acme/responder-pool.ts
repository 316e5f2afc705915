/**
 * Certbench's HTTP-01 responders, one per address and port, shared by the orders that serve there at the same
 * time (two orders on port 80 cannot each listen on it) and closed when the last of them is done.
 */
import { startHttp01Responder, type Http01Responder } from '../../pki/acme/challenges';

interface Entry {
  responder: Promise<Http01Responder>;
  users: number;
}

export interface Lease {
  responder: Http01Responder;
  release: () => Promise<void>;
}

export class ResponderPool {
  private readonly open = new Map<string, Entry>();

  async acquire(port: number, address?: string): Promise<Lease> {
    const key = `${address ?? '*'}:${port}`;
    let entry = this.open.get(key);
    if (!entry) {
      entry = { responder: startHttp01Responder({ port, address }), users: 0 };
      this.open.set(key, entry);
      entry.responder.catch(() => this.open.delete(key));
    }
    entry.users++;
    let responder: Http01Responder;
    try {
      responder = await entry.responder;
    } catch (e) {
      entry.users--;
      throw e;
    }
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      entry.users--;
      if (entry.users === 0 && this.open.get(key) === entry) {
        this.open.delete(key);
        await responder.close();
      }
    };
    return { responder, release };
  }

  async closeAll(): Promise<void> {
    const entries = [...this.open.values()];
    this.open.clear();
    await Promise.all(entries.map((e) => e.responder.then((r) => r.close(), () => undefined)));
  }
}
