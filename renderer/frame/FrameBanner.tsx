/**
 * A banner above every page until dismissed (expiry reminders, ACME notices; the desktop app also shows them as
 * OS notifications): a title, what it says, Show (which also dismisses it) and Dismiss.
 */
import type { ReactNode } from 'react';
import Alert, { type AlertColor } from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import CloseIcon from '@mui/icons-material/Close';

export interface FrameBannerProps {
  severity: AlertColor;
  title: string;
  /** The dismiss button's accessible name ("Dismiss the reminder"). */
  dismissLabel: string;
  onShow: () => void;
  onDismiss: () => void;
  /** data-testid and any data-* attributes the e2e suites read. */
  data: Record<`data-${string}`, string>;
  children: ReactNode;
}

export function FrameBanner({ severity, title, dismissLabel, onShow, onDismiss, data, children }: FrameBannerProps) {
  return (
    <Alert
      severity={severity}
      role="alert"
      {...data}
      sx={{ borderRadius: 0, borderBottom: 1, borderColor: 'divider', '& .MuiAlert-message': { minWidth: 0 } }}
      action={
        <>
          <Button
            color="inherit"
            size="small"
            onClick={() => {
              onDismiss();
              onShow();
            }}
          >
            Show
          </Button>
          <IconButton color="inherit" size="small" aria-label={dismissLabel} onClick={onDismiss}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {children}
    </Alert>
  );
}
