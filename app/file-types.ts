/** The document types Certbench opens: the open dialog's filters (electron-builder's fileAssociations list the same). */
export const DOCUMENT_EXTENSIONS = ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c', 'pfx', 'p12', 'jks', 'jceks', 'key', 'csr', 'crl'] as const;

type Extension = (typeof DOCUMENT_EXTENSIONS)[number];

/** One filter per kind of document, so a user can narrow the dialog to keystores or CSRs. Detection is by content either way. */
export const DOCUMENT_TYPE_FILTERS: ReadonlyArray<{ name: string; extensions: Extension[] }> = [
  { name: 'Certificates (.pem, .crt, .cer, .der)', extensions: ['pem', 'crt', 'cer', 'der'] },
  { name: 'Certificate chains, PKCS#7 (.p7b, .p7c)', extensions: ['p7b', 'p7c'] },
  { name: 'PKCS#12 / PFX (.pfx, .p12)', extensions: ['pfx', 'p12'] },
  { name: 'Java keystores (.jks, .jceks)', extensions: ['jks', 'jceks'] },
  { name: 'Private keys (.key, .pem)', extensions: ['key', 'pem'] },
  { name: 'Certificate requests (.csr)', extensions: ['csr'] },
  { name: 'Revocation lists (.crl)', extensions: ['crl'] },
];

export const OPEN_DIALOG_FILTERS = [
  { name: 'Certificates, keys and keystores', extensions: [...DOCUMENT_EXTENSIONS] as string[] },
  ...DOCUMENT_TYPE_FILTERS.map((f) => ({ name: f.name, extensions: [...f.extensions] as string[] })),
  { name: 'All files', extensions: ['*'] },
];
