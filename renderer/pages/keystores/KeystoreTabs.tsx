/** The open keystores, one tab each (name, kind, a dot while there are unsaved changes), and what the current one holds. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { KeystoreDto } from '../../../main/api/dto';
import { countWords, KINDS } from './words';

export function KeystoreTabs({ keystores, current, onSelect }: { keystores: KeystoreDto[]; current: KeystoreDto; onSelect: (id: string) => void }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 2, borderBottom: 1, borderColor: 'divider' }}>
      <Tabs value={current.id} onChange={(_, id: string) => onSelect(id)} variant="scrollable" scrollButtons="auto" aria-label="Open keystores" sx={{ flex: 1, minWidth: 0 }}>
        {keystores.map((k) => (
          <Tab
            key={k.id}
            value={k.id}
            data-dirty={k.dirty || undefined}
            aria-label={`${k.name}, ${KINDS[k.kind].label}${k.dirty ? ', unsaved changes' : ''}`}
            label={
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                <span>{k.name}</span>
                <Chip label={KINDS[k.kind].label} variant="outlined" sx={{ height: 18, fontSize: 11 }} />
                {k.dirty && <Box component="span" title="Unsaved changes" sx={{ width: 8, height: 8, borderRadius: '50%', bgcolor: 'warning.main' }} />}
              </Box>
            }
          />
        ))}
      </Tabs>
      <Typography variant="body2" color="text.secondary" noWrap sx={{ maxWidth: '45%' }} data-testid="keystore-summary" title={current.path ?? undefined}>
        {KINDS[current.kind].label} · {countWords(current.entries)}
        {current.dirty ? ' · unsaved changes' : current.path ? ` · saved as ${current.path.split(/[\\/]/).pop()}` : ''}
      </Typography>
    </Box>
  );
}
