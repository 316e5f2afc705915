/** The form as the OpenSSL config file and as the openssl / keytool commands, each with a copy button. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { CsrCheckDto } from '../../../main/api/dto';
import { CopyButton } from '../../components/CopyButton';
import { MONO_FONT } from '../../theme';

export function Code({ text, what, testId }: { text: string; what: string; testId?: string }) {
  return (
    <Box sx={{ position: 'relative' }}>
      <Box component="pre" data-testid={testId} sx={{ m: 0, p: 1.5, pr: 6, bgcolor: 'action.hover', borderRadius: 1, fontFamily: MONO_FONT, fontSize: 12.5, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 360, overflow: 'auto' }}>
        {text}
      </Box>
      <Box sx={{ position: 'absolute', top: 4, right: 4 }}>
        <CopyButton text={text} what={what} />
      </Box>
    </Box>
  );
}

export function CheckTabs({ check }: { check: CsrCheckDto }) {
  const [tab, setTab] = useState<'config' | 'openssl' | 'keytool'>('config');
  const commands = check.commands.filter((c) => c.tool === tab);
  return (
    <Box>
      <Tabs value={tab} onChange={(_, t) => setTab(t)} aria-label="The same request elsewhere">
        <Tab value="config" label="OpenSSL config file" />
        <Tab value="openssl" label="openssl commands" />
        <Tab value="keytool" label="keytool commands" />
      </Tabs>
      <Box role="tabpanel" sx={{ pt: 1.5, display: 'grid', gap: 1.5 }}>
        {tab === 'config' ? (
          <>
            <Typography variant="body2" color="text.secondary">
              The same request as a file openssl reads, to make the key on the server itself.
            </Typography>
            <Code text={check.config} what="the config file" testId="config-text" />
          </>
        ) : commands.length === 0 ? (
          <Typography color="text.secondary">No {tab} command for this request.</Typography>
        ) : (
          commands.map((c, i) => (
            <Box key={i} sx={{ display: 'grid', gap: 0.5 }}>
              <Typography variant="subtitle2">{c.label}</Typography>
              <Code text={c.command} what={`the ${c.tool} command`} testId={`command-${c.tool}`} />
            </Box>
          ))
        )}
      </Box>
    </Box>
  );
}
