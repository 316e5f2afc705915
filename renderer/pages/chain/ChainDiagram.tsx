/** The chain as a picture: leaf at the top, root at the bottom, a connector between each card and its issuer. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import type { ChainReportDto } from '../../../main/api/dto';
import { CertCard } from './CertCard';
import { certCards, chainEnd, linkTone } from './report';

function Connector({ tone, label }: { tone: 'success' | 'warning' | 'error' | 'info'; label: string }) {
  return (
    <Box aria-hidden sx={{ display: 'flex', alignItems: 'center', height: 28, pl: 4 }} data-testid="chain-link" data-tone={tone}>
      <Box sx={{ width: 4, height: '100%', bgcolor: `${tone}.main`, borderRadius: 2, ...(tone === 'error' ? { background: 'repeating-linear-gradient(to bottom, currentColor 0 5px, transparent 5px 9px)', color: 'error.main' } : {}) }} />
      <Typography variant="caption" color="text.secondary" sx={{ ml: 1.5 }}>
        {label}
      </Typography>
    </Box>
  );
}

export function ChainDiagram({ report, selected, onSelect }: { report: ChainReportDto; selected: number | null; onSelect: (index: number) => void }) {
  const cards = certCards(report);
  const end = chainEnd(report);
  return (
    <Box component="ol" aria-label="Chain, leaf first" sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {cards.map((card, i) => (
        <Box component="li" key={card.cert.sha256 + i}>
          <CertCard card={card} checkedAt={report.checkedAt} selected={selected === i} onSelect={() => onSelect(i)} />
          {i < cards.length - 1 && <Connector tone={linkTone(report, i)} label={linkTone(report, i) === 'error' ? 'broken link' : 'issued by'} />}
        </Box>
      ))}
      {end && (
        <Box component="li">
          {cards.length > 0 && <Connector tone="error" label="issued by" />}
          <Box data-testid="chain-end" sx={{ display: 'flex', gap: 1.5, alignItems: 'center', border: 2, borderStyle: 'dashed', borderColor: 'error.main', borderRadius: 2, px: 2, py: 1.25, color: 'error.main' }}>
            <LinkOffIcon />
            <Box>
              <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
                {end.title}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {end.detail}
              </Typography>
            </Box>
          </Box>
        </Box>
      )}
    </Box>
  );
}
