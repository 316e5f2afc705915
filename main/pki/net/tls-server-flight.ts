/**
 * What the server sent during the handshake, read from the raw bytes of the connection: its ServerHello,
 * the Certificate message exactly as sent, a CertificateRequest, a stapled OCSP response, and an alert if
 * it ended the handshake. TLS 1.3 encrypts everything after the ServerHello; the traffic secrets from the
 * client's keylog open it.
 */
import { isPkiError } from '../errors';
import { alertName } from './tls-alerts';
import { TlsDecodeError } from './tls-bytes';
import {
  HandshakeReassembler,
  HandshakeType,
  readCertificate,
  readCertificateRequest,
  readOcspStatus,
  readServerHello,
  type CertificateRequest,
  type HandshakeMessage,
  type ServerHello,
} from './tls-handshake';
import { ContentType, splitRecords } from './tls-records';
import { TLS13_SUITES, Tls13RecordOpener } from './tls13-decrypt';

/** Traffic secrets by their NSS keylog label (SERVER_HANDSHAKE_TRAFFIC_SECRET, SERVER_TRAFFIC_SECRET_0). */
export type KeylogSecrets = Map<string, Uint8Array>;

export interface ServerFlight {
  hello: ServerHello | null;
  /** The Certificate message's certificates in the order sent; null when it was not seen. */
  certificates: Uint8Array[] | null;
  stapledOcsp: Uint8Array | null;
  certificateRequest: CertificateRequest | null;
  /** A CertificateRequest came after the handshake (TLS 1.3 post-handshake authentication). */
  postHandshakeRequest: boolean;
  /** The first fatal alert the server sent (else its first warning, such as close_notify). */
  alert: { fatal: boolean; name: string } | null;
  /**
   * TLS 1.3: after its Finished the server sent a session ticket, data or a clean close_notify, so it
   * accepted the client as it was (a server that insists on a client certificate sends a fatal alert).
   */
  acceptedAfterHandshake: boolean;
  /** Why some of the flight could not be read (a suite Certbench cannot decrypt, bytes cut short ...). */
  unreadable: string | null;
  /** The server's first bytes were not TLS at all. */
  notTls: boolean;
}

/** Parses the server-to-client bytes of one connection. Never throws: what cannot be read is `unreadable`. */
export function readServerFlight(inbound: Uint8Array, secrets: KeylogSecrets): ServerFlight {
  const flight: ServerFlight = {
    hello: null,
    certificates: null,
    stapledOcsp: null,
    certificateRequest: null,
    postHandshakeRequest: false,
    alert: null,
    acceptedAfterHandshake: false,
    unreadable: null,
    notTls: false,
  };
  const split = splitRecords(inbound);
  if (split.notTlsAt === 0) {
    flight.notTls = true;
    return flight;
  }
  const plain = new HandshakeReassembler();
  const sealed = new HandshakeReassembler();
  let opener: Tls13RecordOpener | null = null;
  let handshakeDone = false;

  const onAlert = (content: Uint8Array) => {
    if (content.length < 2) return;
    const fatal = content[0] === 2;
    if (!flight.alert || (fatal && !flight.alert.fatal)) flight.alert = { fatal, name: alertName(content[1]) };
  };

  const onMessage = (m: HandshakeMessage): 'stop' | void => {
    const version = flight.hello?.version ?? 0x0303;
    switch (m.type) {
      case HandshakeType.ServerHello: {
        const hello = readServerHello(m.body);
        flight.hello = hello;
        if (hello.helloRetry || hello.version < 0x0304) return;
        const suite = TLS13_SUITES[hello.cipherSuite];
        const secret = secrets.get('SERVER_HANDSHAKE_TRAFFIC_SECRET');
        if (!suite) {
          flight.unreadable = `the server chose the TLS 1.3 cipher suite 0x${hello.cipherSuite.toString(16).padStart(4, '0')}, which Certbench cannot decrypt`;
          return 'stop';
        }
        if (!secret) {
          flight.unreadable = 'the TLS library did not hand out the handshake secret';
          return 'stop';
        }
        opener = new Tls13RecordOpener(suite, secret);
        return;
      }
      case HandshakeType.Certificate:
        if (!flight.certificates) {
          const entries = readCertificate(m.body, version >= 0x0304);
          flight.certificates = entries.certs;
          flight.stapledOcsp ??= entries.stapledOcsp;
        }
        return;
      case HandshakeType.CertificateRequest:
        if (handshakeDone) flight.postHandshakeRequest = true;
        flight.certificateRequest ??= readCertificateRequest(m.body, version);
        return;
      case HandshakeType.CertificateStatus:
        flight.stapledOcsp ??= readOcspStatus(m.body);
        return;
      case HandshakeType.Finished:
        if (version >= 0x0304 && !handshakeDone) {
          handshakeDone = true;
          const suite = TLS13_SUITES[flight.hello!.cipherSuite];
          const secret = secrets.get('SERVER_TRAFFIC_SECRET_0');
          // Without the application secret the rest (a post-handshake request, a late alert) stays unread.
          opener = secret ? new Tls13RecordOpener(suite, secret) : null;
          if (!opener) return 'stop';
        }
        return;
      case HandshakeType.NewSessionTicket:
        if (version >= 0x0304 && handshakeDone) flight.acceptedAfterHandshake = true;
        return;
      case HandshakeType.ServerHelloDone:
        handshakeDone = true;
        return;
    }
  };

  try {
    records: for (const record of split.records) {
      if (record.type === ContentType.ChangeCipherSpec) {
        // TLS 1.2: what follows is encrypted (the server's Finished); TLS 1.3 sends it only for middleboxes.
        if (flight.hello && !flight.hello.helloRetry && flight.hello.version < 0x0304) break;
        continue;
      }
      if (opener && record.type === ContentType.ApplicationData) {
        const opened = (opener as Tls13RecordOpener).open(record.header, record.fragment);
        if (!opened) {
          if (!handshakeDone) flight.unreadable = 'a TLS 1.3 handshake record did not decrypt';
          break;
        }
        if (opened.type === ContentType.Alert) onAlert(opened.content);
        if (handshakeDone && !flight.alert?.fatal && (opened.type === ContentType.ApplicationData || opened.type === ContentType.Alert)) {
          flight.acceptedAfterHandshake = true;
        }
        if (opened.type !== ContentType.Handshake) continue;
        for (const m of sealed.push(opened.content)) if (onMessage(m) === 'stop') break records;
        continue;
      }
      if (record.type === ContentType.Alert) {
        onAlert(record.fragment);
        continue;
      }
      if (record.type === ContentType.Handshake && !opener) {
        for (const m of plain.push(record.fragment)) if (onMessage(m) === 'stop') break records;
        continue;
      }
      // TLS 1.2 application data (or encrypted renegotiation): the handshake is over.
      break;
    }
  } catch (e) {
    if (e instanceof TlsDecodeError) flight.unreadable = e.message;
    else if (isPkiError(e)) flight.unreadable = e.message;
    else throw e;
  }
  return flight;
}
