/** A dialog's one call: busy while it runs, its error kept for the dialog, done() on success. */
import { useState } from 'react';
import type { ErrorInfo } from '../../../main/api/dto';
import type { Outcome } from './useKeystores';

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const run = async <T,>(call: () => Promise<Outcome<T>>, done: (value: T) => void) => {
    setBusy(true);
    setError(null);
    const outcome = await call();
    setBusy(false);
    if (outcome.ok) done(outcome.value);
    else setError(outcome.error);
    return outcome;
  };
  return { busy, error, setError, run };
}
