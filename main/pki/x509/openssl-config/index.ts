/** The OpenSSL `req` config round trip, the equivalent commands and the built-in templates (issue 12). Owner: openssl-config. */
export { importReqConfig, type ReqConfigImport } from './req-import';
export { exportReqConfig } from './req-export';
export { subjectLine } from './subject-line';
export { equivalentCommands } from './commands';
export { BUILT_IN_TEMPLATES } from './templates';
