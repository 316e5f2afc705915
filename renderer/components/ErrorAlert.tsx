/**
 * The house's error pattern: what happened as the title, what to do under it. A page may title errors in
 * its users' words (`title`); main's message then follows as the evidence.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ErrorInfo } from '../../main/api/dto';

export interface ErrorAlertProps {
  error: ErrorInfo;
  title?: string;
  severity?: 'error' | 'warning';
  onClose?: () => void;
  sx?: SxProps<Theme>;
  testId?: string;
}

export function ErrorAlert({ error, title, severity = 'error', onClose, sx, testId }: ErrorAlertProps) {
  return (
    <Alert severity={severity} role="alert" onClose={onClose} sx={sx} data-testid={testId} data-code={error.code}>
      <AlertTitle>{title ?? error.message}</AlertTitle>
      {title ? `${error.message} ` : ''}
      {error.hint}
    </Alert>
  );
}
