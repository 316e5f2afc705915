/** Request schemas: the dispatcher validates every request against these before any handler runs. */
import { z } from 'zod';
import type { ApiMethod } from '../api/contract';

const empty = z.object({}).strict();
const id = z.string().min(1).max(200);
/** 64 MiB of base64: anything larger is refused before it is decoded. */
const MAX_BASE64 = Math.ceil((64 * 1024 * 1024 * 4) / 3);

const path = z.string().min(1).max(4096);
/** A bare file name: no folder parts, so a write lands only in the folder the user chose. */
const fileName = z.string().min(1).max(255).regex(/^[^\\/\0]+$/).refine((n) => n !== '.' && n !== '..');
const password = z.string().max(1024).optional();
const alias = z.string().min(1).max(512);
const ids = z.array(id).min(1).max(200_000);
const keystoreKind = z.enum(['jks', 'jceks', 'pkcs12']);
const convertRequest = z.object({
  source: z.object({ documentIds: z.array(id).max(10_000).optional(), objectIds: z.array(id).max(200_000).optional() }).strict(),
  target: z.enum(['pem', 'fullchain', 'certbot', 'der', 'p7b', 'p7b-der', 'pfx', 'jks', 'jceks', 'pkcs8', 'pkcs8-der', 'pkcs1']),
  options: z
    .object({
      profile: z.enum(['modern', 'legacy', 'java']).optional(),
      alias: alias.optional(),
      includeChain: z.boolean().optional(),
      includeRoot: z.boolean().optional(),
      includeKey: z.boolean().optional(),
      separateKey: z.boolean().optional(),
      noKeyEncryption: z.boolean().optional(),
      caEntries: z.boolean().optional(),
    })
    .strict()
    .optional(),
});
const destination = z
  .object({
    folder: path,
    names: z.object({ main: fileName, cert: fileName, chain: fileName, fullchain: fileName, privkey: fileName }).partial().strict().optional(),
    overwrite: z.boolean().optional(),
  })
  .strict();

// Loose bounds only: the CSR lints explain what is wrong with a value (too long, bad country) in words.
const keySpec = z.enum(['rsa:2048', 'rsa:3072', 'rsa:4096', 'ec:P-256', 'ec:P-384', 'ec:P-521', 'ed25519']);
const csrSpec = z
  .object({
    subject: z.array(z.object({ type: z.string().min(1).max(100), value: z.string().max(4096) }).strict()).max(100),
    san: z.array(z.object({ type: z.enum(['DNS', 'IP', 'email', 'URI']), value: z.string().max(4096) }).strict()).max(1000),
    cnAsSan: z.boolean(),
    keyUsage: z.array(z.enum(['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'])).max(9),
    keyUsageCritical: z.boolean().optional(),
    extendedKeyUsage: z.array(z.string().min(1).max(200)).max(50),
    challengePassword: z.string().max(1024).optional(),
    signatureHash: z.enum(['sha256', 'sha384', 'sha512', 'sha1']),
    extensionOrder: z.array(z.enum(['subjectAltName', 'keyUsage', 'extendedKeyUsage'])).max(3).optional(),
  })
  .strict();
const keyChoice = z.union([z.object({ generate: keySpec }).strict(), z.object({ objectId: id }).strict()]);
const selfSign = z.object({ days: z.number().int().min(1).max(100_000), ca: z.boolean(), pathLength: z.number().int().min(0).max(100).optional() }).strict();

// ACME: the renderer may not name commands to run ('hook' mode is the CLI's), so the schema leaves it out.
const acmeDestination = z.object({ folder: path, overwrite: z.boolean().optional() }).strict();
const url = z.string().min(1).max(2048);
const acmeIssue = z
  .object({
    directoryUrl: url,
    caFile: path.optional(),
    domains: z.array(z.string().min(1).max(253)).min(1).max(100),
    email: z.string().max(320).optional(),
    agreeTos: z.boolean(),
    eab: z.object({ kid: z.string().min(1).max(1024), hmacKey: z.string().min(1).max(1024) }).strict().optional(),
    challenge: z.enum(['http-01', 'dns-01']),
    mode: z.enum(['serve', 'manual']),
    httpPort: z.number().int().min(1).max(65_535).optional(),
    httpAddress: z.string().min(1).max(100).optional(),
    key: z.union([z.object({ generate: z.enum(['rsa:2048', 'rsa:3072', 'rsa:4096', 'ec:P-256', 'ec:P-384']) }).strict(), z.object({ csrObjectId: id }).strict()]),
    dnsServers: z.array(z.string().min(1).max(100)).max(10).optional(),
    preferredChain: z.string().min(1).max(500).optional(),
    destination: acmeDestination.optional(),
    name: z.string().max(200).optional(),
  })
  .strict();
const orderId = z.object({ orderId: id }).strict();

const docIds = z.array(id).max(10_000).optional();
const chainCheck = z
  .object({
    documentIds: docIds,
    objectIds: z.array(id).max(10_000).optional(),
    endpoint: z
      .object({
        host: z.string().min(1).max(255),
        port: z.number().int().min(1).max(65535),
        servername: z.string().min(1).max(255).nullable().optional(),
        starttls: z.enum(['smtp', 'imap', 'pop3', 'ftp', 'ldap', 'postgres']).nullable().optional(),
      })
      .strict()
      .optional(),
    trustDocumentIds: docIds,
    untrustedDocumentIds: docIds,
    systemRoots: z.boolean().optional(),
    hostName: z.string().min(1).max(255).optional(),
    at: z.string().min(1).max(64).optional(),
    purpose: z.enum(['serverAuth', 'clientAuth']).optional(),
    fetchMissing: z.boolean().optional(),
    revocation: z.enum(['none', 'ocsp', 'crl', 'both']).optional(),
  })
  .strict();

const watchTarget = z
  .object({
    kind: z.enum(['file', 'folder', 'endpoint']),
    location: z.string().min(1).max(4096),
    label: z.string().max(200).optional(),
    recursive: z.boolean().optional(),
    servername: z.string().min(1).max(255).nullable().optional(),
    starttls: z.enum(['smtp', 'imap', 'pop3', 'ftp', 'ldap', 'postgres']).nullable().optional(),
    password: z.string().max(1024).optional(),
  })
  .strict();
const expirySettings = z
  .object({
    thresholds: z.array(z.number().int().min(1).max(3650)).min(1).max(10),
    notify: z.boolean(),
    dailyDigest: z.boolean(),
    monthlyDigest: z.boolean(),
    reportsFolder: path.nullable(),
  })
  .partial()
  .strict();

export const REQUEST_SCHEMAS: { [M in ApiMethod]: z.ZodType } = {
  'app.info': empty,
  'settings.rememberKeys': empty,
  'settings.setRememberKeys': z.object({ enabled: z.boolean() }).strict(),
  'documents.list': empty,
  'documents.openPaths': z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(500), password: z.string().max(1024).optional() }).strict(),
  'documents.openData': z.object({ name: z.string().min(1).max(1024), dataBase64: z.string().max(MAX_BASE64) }).strict(),
  'documents.openText': z.object({ name: z.string().min(1).max(1024), text: z.string().max(64 * 1024 * 1024) }).strict(),
  'documents.unlock': z.object({ documentId: id, password: z.string().max(1024) }).strict(),
  'documents.close': z.object({ documentId: id }).strict(),
  'documents.closeAll': empty,
  'objects.details': z.object({ objectId: id }).strict(),
  'operations.cancel': z.object({ operationId: id }).strict(),
  'convert.preview': convertRequest.strict(),
  'convert.run': convertRequest.extend({ destination, password, keyPassword: password }).strict(),
  'keystores.list': empty,
  'keystores.create': z.object({ kind: keystoreKind, name: fileName.optional() }).strict(),
  'keystores.open': z.object({ documentId: id, password }).strict(),
  'keystores.unlockEntry': z.object({ keystoreId: id, alias, keyPassword: z.string().max(1024) }).strict(),
  'keystores.addTrusted': z.object({ keystoreId: id, objectIds: ids, alias: alias.optional() }).strict(),
  'keystores.importKeyPair': z.object({ keystoreId: id, keyObjectId: id, certificateObjectIds: ids.optional(), alias, keyPassword: password }).strict(),
  'keystores.importCaReply': z.object({ keystoreId: id, alias, objectIds: ids }).strict(),
  'keystores.rename': z.object({ keystoreId: id, alias, newAlias: alias }).strict(),
  'keystores.delete': z.object({ keystoreId: id, aliases: z.array(alias).min(1).max(100_000) }).strict(),
  'keystores.setKeyPassword': z.object({ keystoreId: id, alias, keyPassword: z.string().max(1024).nullable() }).strict(),
  'keystores.save': z
    .object({ keystoreId: id, kind: keystoreKind, storePassword: z.string().max(1024), destination: z.object({ folder: path, fileName, overwrite: z.boolean().optional() }).strict() })
    .strict(),
  'keystores.close': z.object({ keystoreId: id }).strict(),
  'csr.templates': empty,
  'csr.saveTemplate': z.object({ name: z.string().min(1).max(200), description: z.string().max(2000).optional(), spec: csrSpec, key: keySpec }).strict(),
  'csr.deleteTemplate': z.object({ id }).strict(),
  'csr.check': z.object({ spec: csrSpec, key: keyChoice, selfSign: selfSign.optional() }).strict(),
  'csr.importConfig': z.object({ name: z.string().min(1).max(1024), text: z.string().max(1024 * 1024) }).strict(),
  'csr.create': z.object({ spec: csrSpec, key: keyChoice, selfSign: selfSign.optional(), name: z.string().min(1).max(200).optional() }).strict(),
  'csr.save': z
    .object({
      documentId: id,
      baseName: fileName,
      keyProtection: z.object({ form: z.enum(['pkcs8', 'traditional']), password: z.string().min(1).max(1024).nullable() }).strict(),
      includeKey: z.boolean().optional(),
      destination: z.object({ folder: path, overwrite: z.boolean().optional() }).strict(),
    })
    .strict(),
  'csr.caReply': z.object({ objectIds: ids.optional(), documentIds: z.array(id).max(10_000).optional() }).strict(),
  'chain.check': chainCheck,
  'chain.verdicts': z.object({ documentIds: z.array(id).min(1).max(10_000) }).strict(),
  'chain.saveFixed': z.object({ reportId: id, destination: z.object({ folder: path, fileName, overwrite: z.boolean().optional() }).strict() }).strict(),
  'expiry.watchlist': empty,
  'expiry.addTargets': z.object({ targets: z.array(watchTarget).min(1).max(1000) }).strict(),
  'expiry.removeTargets': z.object({ ids: z.array(id).min(1).max(10_000) }).strict(),
  'expiry.updateSettings': expirySettings,
  'expiry.scan': z.object({ targetIds: z.array(id).max(10_000).optional() }).strict(),
  'expiry.digest': z.object({ kind: z.enum(['daily', 'monthly']) }).strict(),
  'expiry.export': z
    .object({
      format: z.enum(['csv', 'json', 'ics', 'html', 'pdf', 'openmetrics']),
      digest: z.enum(['daily', 'monthly']).optional(),
      destination: z.object({ folder: path, fileName, overwrite: z.boolean().optional() }).strict(),
    })
    .strict(),
  'acme.cas': empty,
  'acme.directory': z.object({ directoryUrl: url, caFile: path.optional() }).strict(),
  'acme.orders': empty,
  'acme.issue': acmeIssue,
  'acme.check': orderId,
  'acme.continue': orderId,
  'acme.resume': orderId,
  'acme.cancel': orderId,
  'acme.save': z.object({ orderId: id, destination: acmeDestination }).strict(),
  'acme.open': orderId,
  'acme.renew': z.object({ orderId: id, destination: acmeDestination.optional() }).strict(),
  'acme.revoke': z.object({ orderId: id, reason: z.union([z.literal(0), z.literal(1), z.literal(3), z.literal(4), z.literal(5)]).optional() }).strict(),
  'acme.remove': z.object({ orderIds: z.array(id).min(1).max(10_000) }).strict(),
};
