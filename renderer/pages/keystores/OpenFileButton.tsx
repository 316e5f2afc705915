/** "Open a file…": the native dialog in Electron, a file input in the browser; the file opens in the workbench. */
import { useRef, useState, type ReactNode } from 'react';
import Button from '@mui/material/Button';
import FileOpenIcon from '@mui/icons-material/FileOpenOutlined';
import type { DocumentDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import type { OpenDocumentsModel } from './useOpenDocuments';
import { HiddenFileInput } from '../../components/HiddenFileInput';

interface Props {
  docs: OpenDocumentsModel;
  onOpened: (documents: DocumentDto[]) => void;
  testId: string;
  children: ReactNode;
  variant?: 'text' | 'outlined' | 'contained';
  multiple?: boolean;
}

export function OpenFileButton({ docs, onOpened, testId, children, variant = 'outlined', multiple = false }: Props) {
  const client = useClient();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  // A failed call is reported by the page (docs.failure); only what opened is handed on.
  const finish = async (run: Promise<DocumentDto[] | null>) => {
    setBusy(true);
    const opened = await run;
    setBusy(false);
    if (opened) onOpened(opened);
  };

  const pick = async () => {
    if (!client.pickFiles) return input.current?.click();
    const paths = await client.pickFiles();
    if (paths.length > 0) await finish(docs.openPaths(paths));
  };

  return (
    <>
      <HiddenFileInput inputRef={input} testId={testId} multiple={multiple} onFiles={(files) => void finish(docs.openFiles(files))} />
      <Button variant={variant} startIcon={<FileOpenIcon />} onClick={() => void pick()} disabled={busy}>
        {children}
      </Button>
    </>
  );
}
