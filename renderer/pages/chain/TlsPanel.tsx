/** What the TLS handshake showed: protocol, cipher, key exchange, ALPN, the address, SNI, stapling, client certificates. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { TlsDetailsDto } from '../../../main/api/dto';
import { MONO_FONT } from '../../theme';
import { clientCertWords, endpointWords } from './words';

function Row({ name, children }: { name: string; children: ReactNode }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {name}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

export function TlsPanel({ tls }: { tls: TlsDetailsDto }) {
  const client = tls.clientCertificate;
  return (
    <Box component="section" aria-label="TLS details" data-testid="tls-details" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper' }}>
      <Typography variant="h6" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        TLS details
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        <Row name="Server">
          {endpointWords(tls.host, tls.port)}
          {tls.address && tls.address !== tls.host ? ` (${tls.address})` : ''}
          {tls.starttls ? ` · STARTTLS ${tls.starttls}` : ''}
        </Row>
        <Row name="Name sent (SNI)">{tls.servername ?? 'None (an address was given)'}</Row>
        <Row name="Protocol">{tls.protocol}</Row>
        <Row name="Cipher">
          <Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: 12 }}>
            {tls.cipher}
          </Box>
        </Row>
        <Row name="Key exchange">{tls.keyExchange ?? 'Not known'}</Row>
        <Row name="ALPN">{tls.alpn ?? 'None'}</Row>
        <Row name="Stapled OCSP">{tls.stapledOcsp ? 'Yes: the server sends its OCSP answer' : 'No'}</Row>
        <Row name="Client certificate">
          {clientCertWords(client)}
          {client.note ? ` · ${client.note}` : ''}
        </Row>
        {client.acceptedIssuers && client.acceptedIssuers.length > 0 && (
          <Row name="Accepted CAs">
            <Box component="ul" aria-label="CA names the server accepts" sx={{ m: 0, pl: 2 }}>
              {client.acceptedIssuers.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </Box>
          </Row>
        )}
        <Row name="Handshake">{tls.durationMs.toLocaleString('en-US')} ms</Row>
        {tls.notes && tls.notes.length > 0 && (
          <Row name="Notes">
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {tls.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </Box>
          </Row>
        )}
      </Box>
    </Box>
  );
}
