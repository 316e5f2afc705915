/** The document types Certbench opens: the open dialog's filter (electron-builder's fileAssociations list the same). */
export const DOCUMENT_EXTENSIONS = ['pem', 'crt', 'cer', 'der', 'p7b', 'p7c', 'pfx', 'p12', 'jks', 'jceks', 'key', 'csr', 'crl'] as const;

export const OPEN_DIALOG_FILTERS = [
  { name: 'Certificates, keys and keystores', extensions: [...DOCUMENT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];
