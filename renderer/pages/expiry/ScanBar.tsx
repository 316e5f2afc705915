/** Scan progress under the header, with Stop (operations.cancel keeps what was found so far). */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import type { ProgressEvent } from '../../../main/api/contract';

export function ScanBar({ progress, onStop }: { progress: ProgressEvent | null; onStop: () => void }) {
  const percent = progress?.fraction == null ? null : Math.round(progress.fraction * 100);
  return (
    <Box data-testid="expiry-progress">
      <LinearProgress variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? undefined} />
      <Alert
        severity="info"
        icon={false}
        sx={{ borderRadius: 0 }}
        action={
          <Button color="inherit" onClick={onStop} disabled={!progress} data-testid="expiry-stop">
            Stop
          </Button>
        }
      >
        {progress ? `${progress.label}${percent !== null ? ` (${percent}%)` : ''}` : 'Scanning…'}
      </Alert>
    </Box>
  );
}
