/** How to install the fixed chain: one tab per server (Apache, nginx, IIS) with its steps and a snippet to copy. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { ServerFixDto } from '../../../main/api/dto';
import { CopyButton } from '../../components/CopyButton';
import { MONO_FONT } from '../../theme';

const SERVER_WORDS: Record<ServerFixDto['server'], string> = { apache: 'Apache', nginx: 'nginx', iis: 'IIS / Windows' };

export function ServerFixes({ fixes }: { fixes: ServerFixDto[] }) {
  const [shown, setShown] = useState<ServerFixDto['server'] | null>(null);
  if (fixes.length === 0) return null;
  const fix = fixes.find((f) => f.server === shown) ?? fixes[0]!;
  return (
    <Box component="section" aria-label="Install on the server" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'background.paper' }}>
      <Typography variant="h6" component="h3" sx={{ fontWeight: 700, px: 2, pt: 1.5 }}>
        Install it on the server
      </Typography>
      <Tabs value={fix.server} onChange={(_, v: ServerFixDto['server']) => setShown(v)} aria-label="Server software" sx={{ px: 1, borderBottom: 1, borderColor: 'divider' }}>
        {fixes.map((f) => (
          <Tab key={f.server} value={f.server} label={SERVER_WORDS[f.server]} id={`fix-tab-${f.server}`} aria-controls={`fix-panel-${f.server}`} />
        ))}
      </Tabs>
      <Box role="tabpanel" id={`fix-panel-${fix.server}`} aria-labelledby={`fix-tab-${fix.server}`} sx={{ p: 2, display: 'grid', gap: 1 }}>
        <Typography variant="subtitle2">{fix.title}</Typography>
        <Box component="ol" sx={{ m: 0, pl: 3, display: 'grid', gap: 0.5 }}>
          {fix.steps.map((s, i) => (
            <Typography component="li" variant="body2" key={i}>
              {s}
            </Typography>
          ))}
        </Box>
        {fix.snippet && (
          <Box sx={{ position: 'relative' }}>
            <Box component="pre" aria-label={`${SERVER_WORDS[fix.server]} configuration`} sx={{ m: 0, p: 1.5, pr: 6, overflow: 'auto', fontFamily: MONO_FONT, fontSize: 12, bgcolor: 'action.hover', borderRadius: 1 }}>
              {fix.snippet}
            </Box>
            <Box sx={{ position: 'absolute', top: 4, right: 4 }}>
              <CopyButton text={fix.snippet} what={`the ${SERVER_WORDS[fix.server]} configuration`} />
            </Box>
          </Box>
        )}
      </Box>
    </Box>
  );
}
