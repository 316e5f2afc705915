/** Chain problems, one per row: severity icon, what is wrong, the fix under it with a copy button, and the code. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import ErrorIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import BuildIcon from '@mui/icons-material/BuildOutlined';
import type { ChainProblemDto } from '../../../main/api/dto';
import { CopyButton } from '../../components/CopyButton';

const ICONS = { error: ErrorIcon, warning: WarningIcon, info: InfoIcon };
const SEVERITY_WORDS = { error: 'Error', warning: 'Warning', info: 'Note' };

export function ProblemItems({ problems, label, about }: { problems: ChainProblemDto[]; label: string; about?: (p: ChainProblemDto) => string | null }) {
  if (problems.length === 0) return null;
  return (
    <Box component="ul" aria-label={label} sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 1 }}>
      {problems.map((p, i) => {
        const Icon = ICONS[p.severity];
        const where = about?.(p) ?? null;
        return (
          <Box component="li" key={`${p.code}-${p.certIndex}-${i}`} data-testid="chain-problem" data-code={p.code} data-severity={p.severity} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', borderLeft: 4, borderColor: `${p.severity}.main`, pl: 1.25, py: 0.5 }}>
            <Icon fontSize="small" sx={{ mt: '2px', color: `${p.severity}.main` }} titleAccess={SEVERITY_WORDS[p.severity]} />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {p.message}{' '}
                <Typography component="span" variant="caption" sx={{ fontFamily: 'monospace', color: 'text.secondary', fontWeight: 400 }}>
                  {p.code}
                  {where ? ` · ${where}` : ''}
                </Typography>
              </Typography>
              {p.fix && (
                <Box sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start', mt: 0.25 }}>
                  <BuildIcon sx={{ fontSize: 15, mt: '3px', color: 'text.secondary' }} aria-hidden />
                  <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} data-testid="chain-fix">
                    {p.fix}
                  </Typography>
                  <CopyButton text={p.fix} what={`the fix for ${p.code}`} />
                </Box>
              )}
            </Box>
          </Box>
        );
      })}
    </Box>
  );
}
