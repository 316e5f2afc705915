/** A failed keystore call where the user is looking, titled in a keystore user's words. */
import type { ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert as HouseErrorAlert } from '../../components/ErrorAlert';

const TITLES: Partial<Record<ErrorInfo['code'], string>> = {
  WRONG_PASSWORD: 'That password is not right',
  NO_MATCHING_KEY: 'This reply is for a different key',
  EXISTS: 'A file with that name is already there',
  INTEGRITY_FAILED: 'The file was changed after it was made',
  UNRECOGNIZED_FORMAT: 'This is not a keystore',
};

export function ErrorAlert({ error, onClose }: { error: ErrorInfo; onClose?: () => void }) {
  return <HouseErrorAlert error={error} title={TITLES[error.code]} onClose={onClose} testId="error" sx={{ mt: 1 }} />;
}
