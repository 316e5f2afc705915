/** The lints of the form: severity, plain reason, the public rule it follows, and a way to the field to fix. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ErrorIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import InfoIcon from '@mui/icons-material/InfoOutlined';
import type { CsrProblemDto } from '../../../main/api/dto';
import { bySeverity, stepOfField } from './problems';
import { titleOf, type StepId } from './steps';

const ICONS = { error: ErrorIcon, warning: WarningIcon, info: InfoIcon };

export function LintList({ problems, onFix }: { problems: CsrProblemDto[]; onFix?: (step: StepId) => void }) {
  if (problems.length === 0) return null;
  return (
    <Box component="ul" aria-label="Problems" data-testid="lint-list" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.75 }}>
      {bySeverity(problems).map((p, i) => {
        const Icon = ICONS[p.severity];
        const step = stepOfField(p.field);
        return (
          <Box component="li" key={`${p.code}-${i}`} data-severity={p.severity} data-code={p.code} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', borderLeft: 3, borderColor: `${p.severity}.main`, pl: 1 }}>
            <Icon fontSize="small" sx={{ mt: '2px', color: `${p.severity}.main` }} titleAccess={p.severity} />
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="body2">{p.message}</Typography>
              <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
                {p.rule ? `${p.rule} · ${p.code}` : p.code}
              </Typography>
            </Box>
            {onFix && step !== 'review' && (
              <Button size="small" onClick={() => onFix(step)}>
                {p.severity === 'error' ? 'Fix in' : 'Go to'} “{titleOf(step)}”
              </Button>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
