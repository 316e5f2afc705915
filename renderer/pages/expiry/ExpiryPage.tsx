/**
 * Expiry: the watchlist (folders, files, servers), a scan with progress and Stop, the dashboard (counts and a
 * 12-month timeline), the table of every certificate found, the digests, exports and settings.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import RadarIcon from '@mui/icons-material/Radar';
import type { WatchTargetDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useProgress } from '../inspect/useProgress';
import { AddTargetDialog } from './AddTargetDialog';
import { CountTiles } from './CountTiles';
import { DigestPanel } from './DigestPanel';
import { EmptyWatchlist } from './EmptyWatchlist';
import { ExpiryTable } from './ExpiryTable';
import { ExportPanel } from './ExportPanel';
import { ScanBar } from './ScanBar';
import { SettingsPanel } from './SettingsPanel';
import { TableToolbar } from './TableToolbar';
import { WatchlistPanel } from './WatchlistPanel';
import { TimelineChart } from './TimelineChart';
import { INITIAL_VIEW, onlyStatus, toggleSort, toggleStatus, viewRows } from './table';
import type { TargetKind } from './targets';
import { buildTimeline } from './timeline';
import { useExpiry } from './useExpiry';
import { useOpenRow } from './useOpenRow';
import { lastScanWords, verdict } from './words';

type TabId = 'overview' | 'watchlist' | 'digests' | 'export' | 'settings';

export function ExpiryPage() {
  const client = useClient();
  const expiry = useExpiry();
  const progress = useProgress();
  const [tab, setTab] = useState<TabId>('overview');
  const [adding, setAdding] = useState<TargetKind | null>(null);
  const [view, setView] = useState(INITIAL_VIEW);
  const watchlist = expiry.watchlist;
  // "Now" for days and the timeline: fresh whenever the watchlist or its last scan changes.
  const now = useMemo(() => (watchlist ? new Date() : new Date()), [watchlist]);
  const targets: WatchTargetDto[] = watchlist?.targets ?? [];
  const scan = watchlist?.lastScan ?? null;
  const opener = useOpenRow(targets);
  const rows = useMemo(() => (scan ? viewRows(scan.rows, view) : []), [scan, view]);
  const timeline = useMemo(() => buildTimeline(scan?.rows ?? [], scan?.thresholds ?? watchlist?.settings.thresholds ?? [60, 30, 3], now), [scan, watchlist, now]);
  const topProgress = expiry.scanning ? (progress[0] ?? null) : null;
  const only = view.statuses.size === 1 ? [...view.statuses][0]! : null;
  const said = verdict(scan, targets.length);

  const pickPath = client.shell === 'electron'
    ? async (kind: 'file' | 'folder') => {
        if (kind === 'file') return (await client.pickFiles?.())?.[0] ?? null;
        // The desktop folder dialog for reading: main lets the watchlist read inside the folder it grants.
        return (await client.pickWatchFolder?.()) ?? null;
      }
    : null;
  const stop = () => topProgress && void client.call('operations.cancel', { operationId: topProgress.operationId }).catch(() => undefined);
  const add = async (input: Parameters<typeof expiry.add>[0][number]) => {
    if (await expiry.add([input])) setAdding(null);
  };
  const scanNow = async () => {
    setTab('overview');
    await expiry.scan();
  };

  const status = !watchlist ? 'Loading the watchlist…' : expiry.scanning ? 'Scanning…' : lastScanWords(scan, now);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', overflow: 'hidden' }}>
      <PageHeader title="Expiry" status={status} statusTestId="expiry-status">
        {targets.length > 0 && (
          <Button startIcon={<AddIcon />} onClick={() => setAdding('folder')} data-testid="expiry-add">
            Add…
          </Button>
        )}
        <Button variant="contained" startIcon={<RadarIcon />} onClick={() => void scanNow()} disabled={targets.length === 0 || expiry.scanning} data-testid="expiry-scan">
          {scan ? 'Scan again' : 'Scan'}
        </Button>
      </PageHeader>
      {expiry.scanning && <ScanBar progress={topProgress} onStop={stop} />}
      <Box sx={{ flex: 1, overflow: 'auto', px: 3, py: 2 }}>
        {expiry.error && !adding && <ErrorAlert error={expiry.error} onClose={expiry.clearError} sx={{ mb: 2 }} testId="expiry-error" />}
        {opener.failure && <ErrorAlert error={opener.failure} title="Could not open that certificate" onClose={opener.clearFailure} sx={{ mb: 2 }} testId="expiry-open-error" />}
        {watchlist && targets.length === 0 ? (
          <EmptyWatchlist onAdd={setAdding} />
        ) : (
          watchlist && (
            <>
              <Alert severity={said.tone} sx={{ mb: 2 }} data-testid="expiry-verdict">
                {said.text}
              </Alert>
              <Tabs value={tab} onChange={(_, t: TabId) => setTab(t)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
                <Tab value="overview" label="Overview" />
                <Tab value="watchlist" label={`Watchlist (${targets.length})`} data-testid="expiry-tab-watchlist" />
                <Tab value="digests" label="Digests" data-testid="expiry-tab-digests" />
                <Tab value="export" label="Export" data-testid="expiry-tab-export" />
                <Tab value="settings" label="Settings" data-testid="expiry-tab-settings" />
              </Tabs>
              {tab === 'overview' && (
                <Box sx={{ display: 'grid', gap: 2 }}>
                  {scan ? (
                    <>
                      <CountTiles counts={scan.counts} largestThreshold={Math.max(...scan.thresholds)} only={only} onPick={(s) => setView((v) => onlyStatus(v, s))} />
                      <Box>
                        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700 }}>
                          Expiring in the next 12 months
                        </Typography>
                        <TimelineChart timeline={timeline} />
                      </Box>
                      <TableToolbar view={view} counts={scan.counts} shown={rows.length} total={scan.rows.length} onToggle={(s) => setView((v) => toggleStatus(v, s))} onSearch={(search) => setView((v) => ({ ...v, search }))} />
                      <ExpiryTable rows={rows} view={view} onSort={(k) => setView((v) => toggleSort(v, k))} onOpen={(r) => void opener.open(r)} canOpen={opener.canOpen} />
                    </>
                  ) : (
                    <Typography color="text.secondary" data-testid="expiry-not-scanned">
                      {expiry.scanning ? 'Reading every file and server on the watchlist…' : 'Press Scan to read every file and server on the watchlist.'}
                    </Typography>
                  )}
                </Box>
              )}
              {tab === 'watchlist' && <WatchlistPanel targets={targets} busy={expiry.busy} onAdd={setAdding} onRemove={(t) => void expiry.remove([t.id])} />}
              {tab === 'digests' && <DigestPanel scanId={scan?.scanId ?? null} />}
              {tab === 'export' && <ExportPanel hasScan={scan !== null} now={now} />}
              {tab === 'settings' && <SettingsPanel settings={watchlist.settings} busy={expiry.busy} onChange={(c) => void expiry.updateSettings(c)} />}
            </>
          )
        )}
      </Box>
      {adding && <AddTargetDialog initialKind={adding} pickPath={pickPath} busy={expiry.busy} error={expiry.error} onAdd={(i) => void add(i)} onClose={() => { setAdding(null); expiry.clearError(); }} />}
    </Box>
  );
}
