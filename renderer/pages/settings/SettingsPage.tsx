/** Settings: what there is to know today (the app follows the OS theme; more settings come with later pages). */
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { AppInfo } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { RememberKeysSetting } from './RememberKeysSetting';

export function SettingsPage() {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    client.call('app.info', {}).then(setInfo, () => setInfo(null));
  }, [client]);
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700, mb: 2 }}>
        Settings
      </Typography>
      <Paper variant="outlined" sx={{ p: 2, maxWidth: 560 }}>
        <Typography variant="subtitle2">Appearance</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          Light and dark follow your operating system.
        </Typography>
        <RememberKeysSetting />
        <Typography variant="subtitle2">About</Typography>
        <Typography variant="body2" color="text.secondary">
          {info ? `${info.name} ${info.version} · ${info.shell === 'web' ? 'browser (development host)' : 'desktop'} · ${info.platform}` : 'Certbench'}
        </Typography>
      </Paper>
    </Box>
  );
}
