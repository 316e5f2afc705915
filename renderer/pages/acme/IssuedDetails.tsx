/** What the CA issued: names, issuer, validity, serial and fingerprint (copyable), and the chains it offered. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AcmeResultDto } from '../../../main/api/dto';
import { CopyButton } from '../../components/CopyButton';
import { MONO_FONT } from '../../theme';
import { dateTimeWords, expiryWords } from './words';

function Row({ label, children, copy }: { label: string; children: string; copy?: string }) {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box component="dd" sx={{ m: 0, display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
        <Typography variant="body2" sx={{ overflowWrap: 'anywhere', fontFamily: copy ? MONO_FONT : undefined, fontSize: copy ? 13 : undefined }}>
          {children}
        </Typography>
        {copy && <CopyButton text={children} what={copy} />}
      </Box>
    </>
  );
}

export function IssuedDetails({ result, now }: { result: AcmeResultDto; now: Date }) {
  return (
    <Box component="dl" data-testid="acme-issued" sx={{ display: 'grid', gridTemplateColumns: '160px 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
      <Row label="Names">{result.san.map((n) => n.replace(/^DNS:/, '')).join(', ')}</Row>
      <Row label="Issued by">{result.issuer}</Row>
      <Row label="Valid from">{dateTimeWords(result.notBefore)}</Row>
      <Row label="Valid until">{`${dateTimeWords(result.notAfter)} · ${expiryWords(result.notAfter, now)}`}</Row>
      <Row label="Serial" copy="the serial">
        {result.serial}
      </Row>
      <Row label="SHA-256" copy="the SHA-256 fingerprint">
        {result.sha256}
      </Row>
      {result.chains.length > 1 && <Row label="Chains offered">{`${result.chains[0]} (used); also ${result.chains.slice(1).join(', ')}`}</Row>}
    </Box>
  );
}
