/**
 * The one door to the network (ROADMAP: timeouts, size caps, loopback in tests). The chain doctor, AIA,
 * OCSP and CRL downloads and the TLS fetch all go through a NetworkPort; failures are PkiError('NETWORK').
 */
import type { StarttlsProtocol } from '../../api/dto';

export interface HttpRequest {
  /** http: or https: only (anything else is INVALID_ARGUMENT). */
  url: string;
  method?: 'GET' | 'POST';
  body?: Uint8Array;
  contentType?: string;
  /** Default 10 s for the whole exchange. */
  timeoutMs?: number;
  /** Default 10 MiB; a larger body is NETWORK ("answer larger than ..."). */
  maxBytes?: number;
  /** Redirects followed (http(s) only). Default 3. */
  maxRedirects?: number;
  signal?: AbortSignal;
  /** Extra CA certificates (PEM) for https URLs, beside the system roots. */
  ca?: string[];
}

export interface HttpResponse {
  /** The final URL after redirects. */
  url: string;
  status: number;
  contentType: string | null;
  body: Uint8Array;
}

export interface TlsTarget {
  host: string;
  port: number;
  /** SNI; default the host when it is a name; null = send none. */
  servername?: string | null;
  starttls?: StarttlsProtocol | null;
  /** Default 10 s for connect + handshake. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface TlsFetchResult {
  host: string;
  port: number;
  /** The address connected to. */
  address: string;
  servername: string | null;
  starttls: StarttlsProtocol | null;
  /** "TLSv1.3". */
  protocol: string;
  /** IANA cipher suite name. */
  cipher: string;
  keyExchange: string | null;
  alpn: string | null;
  /** The Certificate message's certificates, DER, exactly in the order the server sent them. */
  served: Uint8Array[];
  /** The stapled OCSP response (DER), when the server sent one. */
  stapledOcsp: Uint8Array | null;
  clientCertificate: { requested: boolean; acceptedIssuers: string[] | null; note: string | null };
  durationMs: number;
  /** What the report should say about how it was read ("the exact order could not be read ..."); usually empty. */
  notes: string[];
}

export interface NetworkPort {
  http(request: HttpRequest): Promise<HttpResponse>;
  tls(target: TlsTarget): Promise<TlsFetchResult>;
}
