/** The open keystores, one tab each: name, kind and a dot while there are unsaved changes. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { KeystoreDto } from '../../../main/api/dto';
import { KINDS } from './words';

export function KeystoreTabs({ keystores, current, onSelect }: { keystores: KeystoreDto[]; current: string; onSelect: (id: string) => void }) {
  return (
    <Tabs value={current} onChange={(_, id: string) => onSelect(id)} variant="scrollable" scrollButtons="auto" aria-label="Open keystores" sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
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
  );
}
