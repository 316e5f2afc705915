/** The order's steps as they happened ("Account registered", "CA validated www.example.com"), newest last. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AcmeStepDto } from '../../../main/api/dto';
import { STATE_COLOR, STATE_LABEL, timeWords } from './words';

/** The timeline under its heading, as the Progress and Result steps show it. */
export function TimelineSection({ steps }: { steps: AcmeStepDto[] }) {
  return (
    <Box>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, mb: 1 }}>
        Timeline
      </Typography>
      <OrderTimeline steps={steps} />
    </Box>
  );
}

export function OrderTimeline({ steps }: { steps: AcmeStepDto[] }) {
  if (steps.length === 0) return <Typography color="text.secondary">Nothing has happened yet.</Typography>;
  return (
    <Box component="ol" aria-label="Timeline" data-testid="acme-timeline" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 0 }}>
      {steps.map((s, i) => {
        const color = STATE_COLOR[s.state];
        const dot = color === 'default' ? 'text.disabled' : `${color}.main`;
        return (
          <Box component="li" key={i} data-state={s.state} sx={{ display: 'grid', gridTemplateColumns: '16px 72px 1fr', gap: 1, alignItems: 'baseline', position: 'relative', pb: 1 }}>
            <Box aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: dot, mt: '5px', alignSelf: 'start' }} />
            <Typography variant="caption" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {timeWords(s.at)}
            </Typography>
            <Typography variant="body2">
              {/* The state once, where it changes; the CA's steps in between speak for themselves. */}
              {(i === 0 || steps[i - 1]!.state !== s.state) && !s.message.startsWith(STATE_LABEL[s.state]) && (
                <Box component="span" sx={{ fontWeight: 600 }}>
                  {STATE_LABEL[s.state]}
                  {' · '}
                </Box>
              )}
              {s.message}
            </Typography>
          </Box>
        );
      })}
    </Box>
  );
}
