/** Search, filters, sort and the count above the object list. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/Search';
import ClearIcon from '@mui/icons-material/Close';
import KeyIcon from '@mui/icons-material/VpnKeyOutlined';
import type { ObjectKind } from '../../../main/api/dto';
import { EMPTY_QUERY, isFiltering, type ExpiryFilter, type ListQuery, type RoleFilter, type SortOrder } from './filter';
import { KIND_WORDS } from './words';

interface Props {
  query: ListQuery;
  onChange: (q: ListQuery) => void;
  kinds: ReadonlyMap<ObjectKind, number>;
  shown: number;
  total: number;
}

const n = (x: number) => x.toLocaleString('en-US');

function Select<T extends string>({ label, value, options, onChange }: { label: string; value: T; options: [T, string][]; onChange: (v: T) => void }) {
  return (
    <TextField select size="small" label={label} value={value} onChange={(e) => onChange(e.target.value as T)} sx={{ minWidth: 0, flex: 1, '& .MuiInputBase-input': { py: 0.75, fontSize: 13 } }}>
      {options.map(([v, text]) => (
        <MenuItem key={v} value={v} dense>
          {text}
        </MenuItem>
      ))}
    </TextField>
  );
}

export function ListToolbar({ query, onChange, kinds, shown, total }: Props) {
  const set = (over: Partial<ListQuery>) => onChange({ ...query, ...over });
  const kind = query.kinds[0] ?? 'all';
  const kindOptions: [ObjectKind | 'all', string][] = [['all', 'All'], ...[...kinds].map(([k, c]): [ObjectKind, string] => [k, `${KIND_WORDS[k] ?? k} (${n(c)})`])];
  const filtering = isFiltering(query);
  return (
    <Box sx={{ px: 1.5, pt: 1.5, display: 'flex', flexDirection: 'column', gap: 1 }} role="search" aria-label="Find in open files">
      <TextField
        size="small"
        placeholder="Search name, issuer, SAN, serial, fingerprint"
        value={query.text}
        onChange={(e) => set({ text: e.target.value })}
        onKeyDown={(e) => e.key === 'Escape' && query.text && (e.stopPropagation(), set({ text: '' }))}
        slotProps={{
          htmlInput: { 'aria-label': 'Search open files' },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
            endAdornment: query.text ? (
              <InputAdornment position="end">
                <IconButton aria-label="Clear the search" onClick={() => set({ text: '' })} edge="end">
                  <ClearIcon fontSize="small" />
                </IconButton>
              </InputAdornment>
            ) : undefined,
          },
        }}
      />
      <Box sx={{ display: 'flex', gap: 0.75 }}>
        <Select label="Kind" value={kind} options={kindOptions} onChange={(v) => set({ kinds: v === 'all' ? [] : [v] })} />
        <Select<ExpiryFilter> label="Expiry" value={query.expiry} options={[['any', 'Any'], ['expired', 'Expired'], ['expiring', 'Within 30 days']]} onChange={(expiry) => set({ expiry })} />
        <Select<RoleFilter> label="Role" value={query.role} options={[['any', 'Any'], ['ca', 'CA'], ['leaf', 'Leaf']]} onChange={(role) => set({ role })} />
        <Select<SortOrder> label="Sort" value={query.sort} options={[['file', 'File'], ['name', 'Name'], ['expiry', 'Expiry']]} onChange={(sort) => set({ sort })} />
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Chip
          icon={<KeyIcon />}
          label="With private key"
          variant={query.withKey ? 'filled' : 'outlined'}
          color={query.withKey ? 'primary' : 'default'}
          onClick={() => set({ withKey: !query.withKey })}
          aria-pressed={query.withKey}
        />
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1, textAlign: 'right' }} aria-live="polite" data-testid="list-count">
          {filtering ? `${n(shown)} of ${n(total)} shown` : `${n(total)} object${total === 1 ? '' : 's'}`}
        </Typography>
        {filtering && (
          <Chip label="Clear filters" variant="outlined" onClick={() => onChange({ ...EMPTY_QUERY, sort: query.sort })} onDelete={() => onChange({ ...EMPTY_QUERY, sort: query.sort })} />
        )}
      </Box>
    </Box>
  );
}
