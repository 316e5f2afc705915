/** Above the table: a chip per status (on/off) with its count, and the text search. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import type { ExpiryStatus } from '../../../main/api/dto';
import { ALL_STATUSES, type TableView } from './table';
import { STATUS_COLOR, STATUS_LABEL } from './words';

interface Props {
  view: TableView;
  counts: Record<ExpiryStatus, number>;
  shown: number;
  total: number;
  onToggle: (status: ExpiryStatus) => void;
  onSearch: (text: string) => void;
}

export function TableToolbar({ view, counts, shown, total, onToggle, onSearch }: Props) {
  const all = view.statuses.size === ALL_STATUSES.length;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
      <Box role="group" aria-label="Show statuses" sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }}>
        {ALL_STATUSES.map((s) => {
          const on = !all && view.statuses.has(s);
          return (
            <Chip
              key={s}
              label={`${STATUS_LABEL[s]} ${counts[s]}`}
              color={STATUS_COLOR[s]}
              variant={on ? 'filled' : 'outlined'}
              aria-pressed={on}
              onClick={() => onToggle(s)}
              data-testid={`expiry-filter-${s}`}
              size="small"
            />
          );
        })}
      </Box>
      <TextField
        size="small"
        placeholder="Search subject, source, issuer, fingerprint"
        value={view.search}
        onChange={(e) => onSearch(e.target.value)}
        sx={{ flex: 1, minWidth: 220 }}
        slotProps={{
          htmlInput: { 'aria-label': 'Search the certificates', 'data-testid': 'expiry-search' },
          input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
        }}
      />
      <Typography variant="body2" color="text.secondary" data-testid="expiry-shown">
        {shown === total ? `${total} certificates` : `${shown} of ${total}`}
      </Typography>
    </Box>
  );
}
