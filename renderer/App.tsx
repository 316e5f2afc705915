import { useCallback, useMemo, useState } from 'react';
import CssBaseline from '@mui/material/CssBaseline';
import useMediaQuery from '@mui/material/useMediaQuery';
import { ThemeProvider } from '@mui/material/styles';
import { makeTheme } from './theme';
import { Frame } from './frame/Frame';
import { AcmeNoticeBanner } from './frame/AcmeNoticeBanner';
import { ReminderBanner } from './frame/ReminderBanner';
import { NavigationProvider, type Navigation, type PageIntent } from './frame/navigation';
import type { PageId } from './frame/pages';
import { AcmePage } from './pages/acme/AcmePage';
import { ChainPage } from './pages/chain/ChainPage';
import { ConvertPage } from './pages/convert/ConvertPage';
import { CsrPage } from './pages/csr/CsrPage';
import { ExpiryPage } from './pages/expiry/ExpiryPage';
import { InspectPage } from './pages/inspect/InspectPage';
import { KeystoresPage } from './pages/keystores/KeystoresPage';
import { SettingsPage } from './pages/settings/SettingsPage';

export function App() {
  const dark = useMediaQuery('(prefers-color-scheme: dark)', { noSsr: true });
  const theme = useMemo(() => makeTheme(dark ? 'dark' : 'light'), [dark]);
  const [page, setPage] = useState<PageId>('inspect');
  const [intent, setIntent] = useState<PageIntent | null>(null);
  const navigate = useCallback((next: PageId, nextIntent?: PageIntent) => {
    setIntent(nextIntent ?? null);
    setPage(next);
  }, []);
  const consume = useCallback(() => setIntent(null), []);
  const navigation = useMemo<Navigation>(() => ({ navigate, intent, consume }), [navigate, intent, consume]);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <NavigationProvider value={navigation}>
        <Frame
          page={page}
          onNavigate={(id) => navigate(id)}
          banner={
            <>
              <ReminderBanner onShow={() => navigate('expiry')} />
              <AcmeNoticeBanner onShow={(orderId) => navigate('acme', { page: 'acme', orderId })} />
            </>
          }
        >
          {/* Inspect stays mounted so its documents and window-wide drop target survive a visit elsewhere. */}
          <InspectPage active={page === 'inspect'} onShow={() => setPage('inspect')} />
          {page === 'convert' && <ConvertPage />}
          {page === 'csr' && <CsrPage />}
          {page === 'acme' && <AcmePage />}
          {page === 'chain' && <ChainPage />}
          {page === 'keystores' && <KeystoresPage />}
          {page === 'expiry' && <ExpiryPage />}
          {page === 'settings' && <SettingsPage />}
        </Frame>
      </NavigationProvider>
    </ThemeProvider>
  );
}
