/**
 * What the chain tests share: certificates of test-pki.ts (PEM) as DER, through the engine's own PEM reader.
 * Local servers are in local-http.ts (HTTP: AIA, OCSP, CRL) and tls-servers.ts (TLS, STARTTLS, s_server).
 */
import { parsePemBlocks } from '../../main/pki/formats/pem-blocks';

/** Every CERTIFICATE block of a PEM text, as DER. */
export const dersOf = (pem: string): Uint8Array[] => parsePemBlocks(pem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);

export const derOf = (pem: string): Uint8Array => dersOf(pem)[0];
