export type PageId = 'inspect' | 'convert' | 'csr' | 'chain' | 'keystores' | 'expiry' | 'settings';
