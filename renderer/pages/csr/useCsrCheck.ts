/**
 * csr.check on every change of the form, 150 ms after the last one: the lints, the subject line, the config
 * file and the commands. An answer to an older form is dropped; `stale` says the shown answer is behind.
 */
import { useEffect, useRef, useState } from 'react';
import type { CsrCheckDto, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';
import type { CsrRequest } from './form';

export const CHECK_DEBOUNCE_MS = 150;

export interface CheckModel {
  check: CsrCheckDto | null;
  /** The form changed since `check` was answered. */
  stale: boolean;
  error: ErrorInfo | null;
}

export function useCsrCheck(request: CsrRequest): CheckModel {
  const client = useClient();
  const key = JSON.stringify(request);
  const [answer, setAnswer] = useState<{ key: string; check: CsrCheckDto | null; error: ErrorInfo | null }>({ key: '', check: null, error: null });
  const latest = useRef(key);
  latest.current = key;

  useEffect(() => {
    const timer = setTimeout(() => {
      client.call('csr.check', JSON.parse(key) as CsrRequest).then(
        (check) => latest.current === key && setAnswer({ key, check, error: null }),
        (e: unknown) => latest.current === key && setAnswer((a) => ({ key, check: a.check, error: errorInfoOf(e) })),
      );
    }, CHECK_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [client, key]);

  return { check: answer.check, stale: answer.key !== key, error: answer.key === key ? answer.error : null };
}
