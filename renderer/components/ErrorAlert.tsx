/** The house's error pattern: what happened as the title, what to do under it. */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ErrorInfo } from '../../main/api/dto';

export function ErrorAlert({ error, severity = 'error', sx, testId }: { error: ErrorInfo; severity?: 'error' | 'warning'; sx?: SxProps<Theme>; testId?: string }) {
  return (
    <Alert severity={severity} role="alert" sx={sx} data-testid={testId} data-code={error.code}>
      <AlertTitle>{error.message}</AlertTitle>
      {error.hint}
    </Alert>
  );
}
