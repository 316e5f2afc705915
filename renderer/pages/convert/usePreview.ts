/**
 * Asks main what a conversion would write (convert.preview) whenever the input, target or options change,
 * a moment after the last change; only the answer to the latest question is kept.
 */
import { useEffect, useRef, useState } from 'react';
import type { ConvertPreviewDto, ConvertRequest, ErrorInfo } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export interface PreviewModel {
  preview: ConvertPreviewDto | null;
  error: ErrorInfo | null;
  loading: boolean;
}

const SETTLE_MS = 120;

/** `revision` changes when what the request names changed (a chosen file was unlocked): ask again. */
export function usePreview(request: ConvertRequest | null, revision: string): PreviewModel {
  const client = useClient();
  const [model, setModel] = useState<PreviewModel>({ preview: null, error: null, loading: false });
  const asked = useRef(0);
  const key = request ? JSON.stringify(request) : null;

  useEffect(() => {
    const seq = ++asked.current;
    if (!key) {
      setModel({ preview: null, error: null, loading: false });
      return;
    }
    setModel((m) => ({ ...m, loading: true }));
    const timer = setTimeout(() => {
      client.call('convert.preview', JSON.parse(key) as ConvertRequest).then(
        (preview) => seq === asked.current && setModel({ preview, error: null, loading: false }),
        (e: unknown) => seq === asked.current && setModel({ preview: null, error: errorInfoOf(e), loading: false }),
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [client, key, revision]);

  return model;
}
