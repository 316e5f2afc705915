/** Issued → today → expires: elapsed time grey, the time left in the status colour, a marker for today. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Tone } from './verdict';
import { formatDate } from './words';

export function ValidityBar({ notBefore, notAfter, tone }: { notBefore: string; notAfter: string; tone: Tone }) {
  const start = new Date(notBefore).getTime();
  const end = new Date(notAfter).getTime();
  const span = Math.max(end - start, 1);
  const pos = Math.min(Math.max((Date.now() - start) / span, 0), 1) * 100;
  // Keep the "Today" label inside the bar's width.
  const labelAlign = pos < 12 ? 'left' : pos > 88 ? 'right' : 'center';
  return (
    <Box role="img" aria-label={`Issued ${formatDate(notBefore)}, expires ${formatDate(notAfter)}`} sx={{ my: 1, maxWidth: 720 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', mb: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          Issued {formatDate(notBefore)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          Expires {formatDate(notAfter)}
        </Typography>
      </Box>
      <Box sx={{ position: 'relative', height: 10, borderRadius: 5, bgcolor: `${tone}.main`, overflow: 'visible' }}>
        <Box sx={{ position: 'absolute', left: 0, top: 0, bottom: 0, width: `${pos}%`, borderTopLeftRadius: 5, borderBottomLeftRadius: 5, bgcolor: 'action.disabled' }} />
        <Box sx={{ position: 'absolute', top: -4, left: `calc(${pos}% - 1.5px)`, width: 3, height: 18, borderRadius: 1, bgcolor: 'text.primary' }} />
      </Box>
      <Box sx={{ position: 'relative', height: 20 }}>
        <Typography
          variant="caption"
          sx={{
            position: 'absolute',
            top: 4,
            fontWeight: 600,
            whiteSpace: 'nowrap',
            ...(labelAlign === 'left' ? { left: `${pos}%` } : labelAlign === 'right' ? { right: `${100 - pos}%` } : { left: `${pos}%`, transform: 'translateX(-50%)' }),
          }}
        >
          Today
        </Typography>
      </Box>
    </Box>
  );
}
