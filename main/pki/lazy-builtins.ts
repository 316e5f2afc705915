/**
 * Node built-ins that only some work needs (the network for chain and expiry checks, worker threads for slow
 * key derivations, ACME hooks and prompts), required when first used. Imported at the top of their modules, node:http, https, tls,
 * net, worker_threads and os were compiled by every CLI process before it did anything: 10 to 15 ms of a
 * command that converts or lists a 500-entry keystore in under 200 ms (node --cpu-prof: compileForInternalLoader).
 * Node keeps each module once, so a later call only looks it up.
 */
export const nodeChildProcess = (): typeof import('node:child_process') => require('node:child_process');
export const nodeDnsPromises = (): typeof import('node:dns/promises') => require('node:dns/promises');
export const nodeHttp = (): typeof import('node:http') => require('node:http');
export const nodeHttps = (): typeof import('node:https') => require('node:https');
export const nodeNet = (): typeof import('node:net') => require('node:net');
export const nodeOs = (): typeof import('node:os') => require('node:os');
export const nodeReadline = (): typeof import('node:readline') => require('node:readline');
export const nodeTls = (): typeof import('node:tls') => require('node:tls');
export const nodeWorkerThreads = (): typeof import('node:worker_threads') => require('node:worker_threads');
