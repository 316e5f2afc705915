/** Opens the TCP connection for a TLS fetch: IPv4 and IPv6 literals or a host name, within the deadline. */
import type { Socket } from 'node:net';
import { nodeNet } from '../lazy-builtins';
import type { Deadline } from './deadline';
import { socketError } from './net-errors';

export function connectTcp(host: string, port: number, deadline: Deadline): Promise<Socket> {
  deadline.phase = `connecting to ${host}:${port}`;
  const socket = nodeNet().connect({ host, port });
  deadline.onExpire(() => socket.destroy());
  const connected = new Promise<Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    // Stays on: later errors are read by the STARTTLS channel or the TLS layer, never left unhandled.
    socket.on('error', (e) => reject(socketError(e, host, port, deadline.phase)));
  });
  return deadline.race(connected);
}
