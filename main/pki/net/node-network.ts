/** The real network: Node's http/https/tls behind the port. */
import { httpFetch } from './http-fetch';
import type { NetworkPort } from './port';
import { tlsFetch } from './tls-fetch';

export const nodeNetwork: NetworkPort = { http: httpFetch, tls: tlsFetch };
