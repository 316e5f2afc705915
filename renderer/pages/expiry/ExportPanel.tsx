/** Writes the last scan (or a digest) as CSV, JSON, .ics, HTML, PDF or OpenMetrics into the chosen folder, and lists what was written. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SaveIcon from '@mui/icons-material/SaveAltOutlined';
import type { ExpiryExportFormat } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FolderChoice } from '../../components/FolderChoice';
import { MONO_FONT } from '../../theme';
import { ReplaceDialog } from '../convert/ReplaceDialog';
import { useOutputFolder } from '../convert/useOutputFolder';
import { exportFileName } from './targets';
import { useExpiryExport } from './useExpiryExport';

const FORMATS: { value: ExpiryExportFormat; label: string }[] = [
  { value: 'csv', label: 'CSV: for a spreadsheet' },
  { value: 'json', label: 'JSON: for scripts' },
  { value: 'ics', label: '.ics: calendar with reminders at the thresholds' },
  { value: 'html', label: 'HTML: a printable report' },
  { value: 'pdf', label: 'PDF: a printable report' },
  { value: 'openmetrics', label: 'OpenMetrics: for Prometheus' },
];

export function ExportPanel({ hasScan, now }: { hasScan: boolean; now: Date }) {
  const output = useOutputFolder();
  const exporter = useExpiryExport();
  const [format, setFormat] = useState<ExpiryExportFormat>('csv');
  const [digest, setDigest] = useState<'daily' | 'monthly' | ''>('');
  const [typedName, setTypedName] = useState<string | null>(null);
  const fileName = typedName ?? exportFileName(format, digest || null, now);
  const ready = hasScan && output.folder !== null && fileName.trim() !== '';
  const write = () => output.folder && void exporter.run({ format, digest: digest || null, folder: output.folder, fileName: fileName.trim() });

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 760 }}>
      {!hasScan && <Typography color="text.secondary">Scan the watchlist first: exports hold the last scan.</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <TextField select label="Format" value={format} onChange={(e) => { setFormat(e.target.value as ExpiryExportFormat); setTypedName(null); }} slotProps={{ htmlInput: { 'data-testid': 'expiry-export-format' } }}>
          {FORMATS.map((f) => (
            <MenuItem key={f.value} value={f.value} data-testid={`expiry-format-${f.value}`}>
              {f.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="What" value={digest} onChange={(e) => { setDigest(e.target.value as 'daily' | 'monthly' | ''); setTypedName(null); }} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
          <MenuItem value="">Every certificate of the last scan</MenuItem>
          <MenuItem value="monthly">The monthly digest</MenuItem>
          <MenuItem value="daily">The daily digest</MenuItem>
        </TextField>
      </Box>
      <FolderChoice folder={output.folder} canPick={output.canPick} onPick={() => void output.pick()} />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField label="File name" value={fileName} onChange={(e) => setTypedName(e.target.value)} sx={{ flex: 1 }} slotProps={{ htmlInput: { 'data-testid': 'expiry-export-name', spellCheck: false } }} />
        <Button variant="contained" size="large" startIcon={<SaveIcon />} disabled={!ready || exporter.busy} onClick={write} data-testid="expiry-export-write" sx={{ mt: 0.5 }}>
          Write
        </Button>
      </Box>
      <Typography variant="caption" color="text.secondary">
        Reports hold subjects, fingerprints, dates and where each certificate is; never a key or a password.
      </Typography>
      {exporter.error && <ErrorAlert error={exporter.error} title="Could not write the report" testId="expiry-export-error" />}
      {exporter.written.length > 0 && (
        <Box>
          <Typography variant="subtitle2">Written</Typography>
          <List dense data-testid="expiry-written" sx={{ border: 1, borderColor: 'divider', borderRadius: 2 }}>
            {exporter.written.map((f) => (
              <ListItem key={f.path} data-testid="expiry-written-file">
                <ListItemText primary={f.path} secondary={`${f.format.toUpperCase()} · ${f.rows} ${f.rows === 1 ? 'certificate' : 'certificates'}`} slotProps={{ primary: { sx: { fontFamily: MONO_FONT, fontSize: 13, overflowWrap: 'anywhere' } } }} />
              </ListItem>
            ))}
          </List>
        </Box>
      )}
      {exporter.exists && (
        <ReplaceDialog
          error={exporter.exists.error}
          names={[exporter.exists.request.fileName]}
          busy={exporter.busy}
          onReplace={() => exporter.exists && void exporter.run(exporter.exists.request, true)}
          onCancel={exporter.keep}
        />
      )}
    </Box>
  );
}
