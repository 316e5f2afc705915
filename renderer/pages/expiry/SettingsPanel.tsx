/** Thresholds, notifications and the scheduled digests; each change is saved at once. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ExpirySettingsDto } from '../../../main/api/dto';
import { parseThresholds, thresholdsText } from './thresholds';

interface Props {
  settings: ExpirySettingsDto;
  busy: boolean;
  onChange: (change: Partial<ExpirySettingsDto>) => void;
}

export function SettingsPanel({ settings, busy, onChange }: Props) {
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? thresholdsText(settings.thresholds);
  const parsed = parseThresholds(text);
  const changed = typed !== null && parsed.ok && thresholdsText(parsed.value) !== thresholdsText(settings.thresholds);
  const save = () => {
    if (!parsed.ok) return;
    onChange({ thresholds: parsed.value });
    setTyped(null);
  };
  return (
    <Box sx={{ display: 'grid', gap: 2.5, maxWidth: 640 }}>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          label="Warn this many days before expiry"
          value={text}
          onChange={(e) => setTyped(e.target.value)}
          error={!parsed.ok}
          helperText={parsed.ok ? 'Days, separated by commas. A certificate is "expiring" within the largest; reminders fire at each.' : parsed.message}
          sx={{ flex: 1 }}
          slotProps={{ htmlInput: { 'data-testid': 'expiry-thresholds', inputMode: 'numeric' } }}
        />
        <Button variant="contained" onClick={save} disabled={!changed || busy} sx={{ mt: 1 }} data-testid="expiry-thresholds-save">
          Save
        </Button>
      </Box>
      <FormControlLabel
        control={<Switch checked={settings.notify} onChange={(e) => onChange({ notify: e.target.checked })} disabled={busy} />}
        label={
          <Box>
            <Typography>Reminders</Typography>
            <Typography variant="body2" color="text.secondary">
              A notification when a certificate crosses a threshold: on start and daily while Certbench runs.
            </Typography>
          </Box>
        }
      />
      <FormControlLabel
        control={<Switch checked={settings.dailyDigest} onChange={(e) => onChange({ dailyDigest: e.target.checked })} disabled={busy} />}
        label={
          <Box>
            <Typography>Daily digest</Typography>
            <Typography variant="body2" color="text.secondary">
              Written each day: what expires within {Math.min(...settings.thresholds)} days, and what already expired.
            </Typography>
          </Box>
        }
      />
      <FormControlLabel
        control={<Switch checked={settings.monthlyDigest} onChange={(e) => onChange({ monthlyDigest: e.target.checked })} disabled={busy} />}
        label={
          <Box>
            <Typography>Monthly digest</Typography>
            <Typography variant="body2" color="text.secondary">
              Written each month: what expires within {[...settings.thresholds].sort((a, b) => b - a).slice(0, 2).reverse().join('–')} days, and what already expired.
            </Typography>
          </Box>
        }
      />
      <Typography variant="body2" color="text.secondary">
        Digests are written to {settings.reportsFolder ?? 'the "reports" folder in Certbench\'s data folder'}.
      </Typography>
    </Box>
  );
}
