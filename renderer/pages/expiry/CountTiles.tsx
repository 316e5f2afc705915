/** The dashboard's four numbers, one coloured tile per status; a tile filters the table to its status. */
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { ExpiryStatus } from '../../../main/api/dto';
import { STATUS_COLOR, STATUS_LABEL } from './words';

const ORDER: ExpiryStatus[] = ['expired', 'expiring', 'ok', 'error'];

const HELP: Record<ExpiryStatus, (largest: number) => string> = {
  expired: () => 'Past their end date',
  expiring: (largest) => `Within ${largest} days`,
  ok: (largest) => `More than ${largest} days left`,
  error: () => 'Files or servers not read',
};

interface Props {
  counts: Record<ExpiryStatus, number>;
  largestThreshold: number;
  /** The statuses the table shows now (a tile looks pressed when it alone is shown). */
  only: ExpiryStatus | null;
  onPick: (status: ExpiryStatus) => void;
}

export function CountTiles({ counts, largestThreshold, only, onPick }: Props) {
  return (
    <Box role="group" aria-label="Certificates by status" sx={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(120px, 1fr))', gap: 1.5 }}>
      {ORDER.map((status) => {
        const color = STATUS_COLOR[status];
        const n = counts[status];
        return (
          <ButtonBase
            key={status}
            data-testid={`expiry-count-${status}`}
            aria-pressed={only === status}
            aria-label={`${STATUS_LABEL[status]}: ${n}. Show only these in the table.`}
            onClick={() => onPick(status)}
            sx={(theme) => ({
              display: 'block',
              textAlign: 'left',
              p: 1.5,
              borderRadius: 2,
              border: 2,
              borderColor: only === status ? theme.palette[color].main : alpha(theme.palette[color].main, 0.35),
              bgcolor: alpha(theme.palette[color].main, n > 0 ? (theme.palette.mode === 'dark' ? 0.2 : 0.1) : 0.03),
              '&:hover': { bgcolor: alpha(theme.palette[color].main, 0.18) },
              '&.Mui-focusVisible': { outline: 2, outlineColor: theme.palette.primary.main, outlineStyle: 'solid', outlineOffset: 2 },
            })}
          >
            <Typography variant="h4" component="div" sx={{ fontWeight: 700, lineHeight: 1.1, color: n > 0 ? `${color}.main` : 'text.secondary' }} data-testid={`expiry-count-${status}-value`}>
              {n}
            </Typography>
            <Typography variant="subtitle2" component="div">
              {STATUS_LABEL[status]}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {HELP[status](largestThreshold)}
            </Typography>
          </ButtonBase>
        );
      })}
    </Box>
  );
}
