/**
 * Running chain.check: the report, or the error (a server that cannot be reached is NETWORK; Stop is
 * CANCELLED, which is not shown as a failure). A newer check supersedes an older one still in flight.
 */
import { useCallback, useRef, useState } from 'react';
import type { ChainCheckRequest, ChainReportDto, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export interface ChainCheckModel {
  running: boolean;
  report: ChainReportDto | null;
  error: ErrorInfo | null;
  /** The last check was stopped by the user. */
  stopped: boolean;
  check(request: ChainCheckRequest): Promise<ChainReportDto | null>;
}

export function useChainCheck(): ChainCheckModel {
  const client = useClient();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<ChainReportDto | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [stopped, setStopped] = useState(false);
  const latest = useRef(0);

  const check = useCallback(
    async (request: ChainCheckRequest) => {
      const mine = ++latest.current;
      setRunning(true);
      setError(null);
      setStopped(false);
      try {
        const result = await client.call('chain.check', request);
        if (mine !== latest.current) return null;
        setReport(result);
        return result;
      } catch (e) {
        if (mine !== latest.current) return null;
        const info = errorInfoOf(e);
        if (info.code === 'CANCELLED') setStopped(true);
        else setError(info);
        setReport(null);
        return null;
      } finally {
        if (mine === latest.current) setRunning(false);
      }
    },
    [client],
  );

  return { running, report, error, stopped, check };
}
