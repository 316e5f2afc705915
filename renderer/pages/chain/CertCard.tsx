/** One certificate of the chain as a card: coloured by status, with where it came from, names, dates, key and revocation. */
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import WarningIcon from '@mui/icons-material/Warning';
import type { ChainCertDto } from '../../../main/api/dto';
import { ExpiryChip } from '../inspect/ExpiryChip';
import type { CertCard as Card } from './report';
import { cnOf, expiryFactsOf, revocationTone, revocationWords, ROLE_WORDS, SOURCE_HELP, SOURCE_WORDS, sourceWords } from './words';

const ICONS = { success: CheckCircleIcon, warning: WarningIcon, error: ErrorIcon, info: CheckCircleIcon };
const TONE_WORDS = { success: 'no problems', warning: 'warnings', error: 'errors', info: 'notes' };

function SourceBadge({ cert }: { cert: ChainCertDto }) {
  const also = cert.alsoFrom.filter((s) => s !== cert.source);
  const help = `${cert.source === 'input' && cert.trusted ? 'A root from one of your trust files.' : SOURCE_HELP[cert.source]}${cert.url ? ` ${cert.url}` : ''}${also.length ? ` Also from: ${also.map((s) => SOURCE_WORDS[s]).join(', ')}.` : ''}`;
  return (
    <Tooltip title={help}>
      <Chip data-testid="source-badge" data-source={cert.source} label={sourceWords(cert)} color={cert.source === 'aia' ? 'secondary' : cert.source === 'trust-store' ? 'primary' : 'default'} variant={cert.source === 'server' || cert.source === 'input' ? 'outlined' : 'filled'} />
    </Tooltip>
  );
}

export function CertCard({ card, checkedAt, selected, onSelect }: { card: Card; checkedAt: string; selected: boolean; onSelect: () => void }) {
  const { cert, tone } = card;
  const Icon = ICONS[tone];
  const cn = cnOf(cert.subject);
  const revocation = cert.revocation && cert.revocation.status !== 'not-checked' ? cert.revocation : null;
  return (
    <ButtonBase
      onClick={onSelect}
      aria-pressed={selected}
      aria-label={`${ROLE_WORDS[cert.role]} ${cn}, ${sourceWords(cert)}, ${TONE_WORDS[tone]}`}
      data-testid="chain-card"
      data-tone={tone}
      data-role={cert.role}
      sx={{
        display: 'block',
        width: '100%',
        textAlign: 'left',
        borderRadius: 2,
        border: 2,
        borderColor: selected ? `${tone}.main` : 'divider',
        borderLeft: 8,
        borderLeftColor: `${tone}.main`,
        bgcolor: 'background.paper',
        boxShadow: selected ? 3 : 0,
        px: 2,
        py: 1.25,
        '&:hover': { boxShadow: 2 },
        '&.Mui-focusVisible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main', outlineOffset: 2 },
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Icon fontSize="small" sx={{ color: `${tone}.main` }} />
        <Typography variant="overline" color="text.secondary" sx={{ lineHeight: 1.5 }}>
          {ROLE_WORDS[cert.role]}
          {cert.trusted ? ' · trusted' : ''}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <SourceBadge cert={cert} />
      </Box>
      <Typography variant="subtitle1" sx={{ fontWeight: 700, overflowWrap: 'anywhere', lineHeight: 1.3 }}>
        {cn}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        Issued by {cnOf(cert.issuer)}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mt: 0.75, alignItems: 'center' }}>
        <ExpiryChip cert={expiryFactsOf(cert, checkedAt)} />
        <Typography variant="caption" color="text.secondary">
          {cert.key} · {cert.signatureAlgorithm}
        </Typography>
        {revocation && <Chip data-testid="revocation-chip" label={revocationWords(revocation)} color={revocationTone(revocation) === 'info' ? 'default' : revocationTone(revocation)} variant="outlined" />}
        {card.problems.length > 0 && (
          <Typography variant="caption" sx={{ color: `${tone}.main`, fontWeight: 700 }}>
            {card.problems.length === 1 ? '1 problem' : `${card.problems.length} problems`}
          </Typography>
        )}
      </Box>
    </ButtonBase>
  );
}
