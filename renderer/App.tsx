import { useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import { makeTheme } from './theme';
import { Frame } from './frame/Frame';
import type { PageId } from './frame/pages';
import { InspectPage } from './pages/inspect/InspectPage';
import { SettingsPage } from './pages/settings/SettingsPage';

export function App() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => makeTheme(dark ? 'dark' : 'light'), [dark]);
  const [page, setPage] = useState<PageId>('inspect');
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Frame page={page} onNavigate={setPage}>
        {/* Inspect stays mounted so its documents and window-wide drop target survive a visit to Settings. */}
        <InspectPage active={page === 'inspect'} onShow={() => setPage('inspect')} />
        {page === 'settings' && <SettingsPage />}
      </Frame>
    </ThemeProvider>
  );
}
