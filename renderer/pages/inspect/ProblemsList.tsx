/**
 * What is wrong with the selected object (ProblemDto), one line each, coloured by severity; a lint names the
 * public rule it follows (an opened CSR's findings: "RFC 5280 4.1.2.6", "CA/B Forum BR 7.1.4.2.1").
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import ErrorIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import type { ProblemDto } from '../../../main/api/dto';

const ICONS = { error: ErrorIcon, warning: WarningIcon, info: InfoIcon };
const ORDER = { error: 0, warning: 1, info: 2 };

export function ProblemsList({ problems }: { problems: (ProblemDto & { rule?: string })[] }) {
  if (problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <Box component="ul" aria-label="Problems" data-testid="problems" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, display: 'grid', gap: 0.5 }}>
      {sorted.map((p, i) => {
        const Icon = ICONS[p.severity];
        return (
          <Box
            component="li"
            key={`${p.code}-${i}`}
            data-severity={p.severity}
            sx={{ display: 'flex', gap: 0.75, alignItems: 'flex-start', color: `${p.severity}.main`, borderLeft: 3, borderColor: `${p.severity}.main`, pl: 1 }}
          >
            <Icon fontSize="small" sx={{ mt: '2px' }} titleAccess={p.severity} />
            <Typography variant="body2" component="span" sx={{ color: 'text.primary' }}>
              {p.message}{' '}
              <Typography component="span" variant="caption" sx={{ fontFamily: 'monospace', color: 'text.secondary' }}>
                {p.rule ? `${p.rule} · ${p.code}` : p.code}
              </Typography>
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
