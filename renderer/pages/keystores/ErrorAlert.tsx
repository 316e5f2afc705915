/** A failed call where the user is looking: what happened (main's message) and what to do (its hint). */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { ErrorInfo } from '../../../main/api/dto';

/** Titles for the errors a keystore user meets, in their words; main's message follows as the evidence. */
const TITLES: Partial<Record<ErrorInfo['code'], string>> = {
  WRONG_PASSWORD: 'That password is not right',
  NO_MATCHING_KEY: 'This reply is for a different key',
  EXISTS: 'A file with that name is already there',
  INTEGRITY_FAILED: 'The file was changed after it was made',
  UNRECOGNIZED_FORMAT: 'This is not a keystore',
};

export function ErrorAlert({ error, onClose }: { error: ErrorInfo; onClose?: () => void }) {
  return (
    <Alert severity="error" onClose={onClose} data-testid="error" data-code={error.code} sx={{ mt: 1 }}>
      <AlertTitle>{TITLES[error.code] ?? error.message}</AlertTitle>
      {TITLES[error.code] ? `${error.message} ` : ''}
      {error.hint}
    </Alert>
  );
}
