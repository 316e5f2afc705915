export type PageId = 'inspect' | 'convert' | 'csr' | 'acme' | 'chain' | 'keystores' | 'expiry' | 'settings';
