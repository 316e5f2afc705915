/** The card the user clicked: its full names, where it came from, its problems with fixes, and "Show in Inspector". */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import OpenIcon from '@mui/icons-material/ManageSearch';
import { MONO_FONT } from '../../theme';
import { useNavigation } from '../../frame/navigation';
import { formatDate } from '../inspect/words';
import { CopyButton } from '../../components/CopyButton';
import type { CertCard } from './report';
import { ProblemItems } from './ProblemItems';
import { cnOf, revocationWords, ROLE_WORDS, SOURCE_WORDS } from './words';

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

export function CertDetails({ card }: { card: CertCard }) {
  const { navigate } = useNavigation();
  const { cert } = card;
  return (
    <Box component="section" aria-label={`Details of ${cnOf(cert.subject)}`} data-testid="chain-cert-details" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper', display: 'grid', gap: 1.5 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="h6" component="h3" sx={{ flex: 1, fontWeight: 700, overflowWrap: 'anywhere' }}>
          {ROLE_WORDS[cert.role]}: {cnOf(cert.subject)}
        </Typography>
        {cert.objectId && (
          <Button variant="outlined" startIcon={<OpenIcon />} onClick={() => navigate('inspect', { page: 'inspect', objectId: cert.objectId! })}>
            Show in Inspector
          </Button>
        )}
      </Box>
      {card.problems.length === 0 ? (
        <Typography variant="body2" sx={{ color: 'success.main', fontWeight: 600 }}>
          No problems with this certificate.
        </Typography>
      ) : (
        <ProblemItems problems={card.problems} label="Problems of this certificate" />
      )}
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        <Row name="Subject">{cert.subject}</Row>
        <Row name="Issuer">{cert.issuer}</Row>
        <Row name="Valid">
          {formatDate(cert.notBefore)} → {formatDate(cert.notAfter)}
        </Row>
        <Row name="Key">{cert.key}</Row>
        <Row name="Signature">{cert.signatureAlgorithm}</Row>
        <Row name="Came from">
          {SOURCE_WORDS[cert.source]}
          {cert.url ? ` (${cert.url})` : ''}
          {cert.alsoFrom.length ? `; also ${cert.alsoFrom.map((s) => SOURCE_WORDS[s]).join(', ')}` : ''}
        </Row>
        <Row name="Revocation">{cert.revocation ? `${revocationWords(cert.revocation)}. ${cert.revocation.detail}` : 'Not checked'}</Row>
        <Row name="SHA-256">
          <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5 }}>
            <Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: 12 }}>
              {cert.sha256}
            </Box>
            <CopyButton text={cert.sha256} what="the SHA-256 fingerprint" />
          </Box>
        </Row>
      </Box>
    </Box>
  );
}
