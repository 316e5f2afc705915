/**
 * "Save the certbot set…": cert.pem, chain.pem, fullchain.pem and privkey.pem (0600) into a folder (the web
 * host's output folder, or one chosen in the desktop app), replacing files only after a confirmation.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { WrittenFileDto } from '../../../main/api/dto';
import { useClient } from '../../api/context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FolderChoice } from '../../components/FolderChoice';
import { useReplaceableWrite } from '../../components/useReplaceableWrite';
import { ReplaceDialog } from '../convert/ReplaceDialog';
import { useOutputFolder } from '../convert/useOutputFolder';
import { WrittenFiles } from './WrittenFiles';

const NAMES = ['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem'];

export function SaveCertbotSet({ orderId, hasKey }: { orderId: string; hasKey: boolean }) {
  const client = useClient();
  const output = useOutputFolder();
  const [written, setWritten] = useState<WrittenFileDto[] | null>(null);
  const write = useReplaceableWrite<{ folder: string }>(async ({ folder }, overwrite) => {
    const answer = await client.call('acme.save', { orderId, destination: { folder, ...(overwrite ? { overwrite } : {}) } });
    setWritten(answer.written);
  });
  const names = hasKey ? NAMES : NAMES.slice(0, 3);

  const save = () => output.folder && void write.run({ folder: output.folder });

  return (
    <Box component="section" aria-label="Save the certbot set" sx={{ display: 'grid', gap: 1.5 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        Save for nginx, Apache, HAProxy…
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {names.join(', ')}: the files certbot writes, so a server configured for certbot takes them as they are.
      </Typography>
      <FolderChoice folder={output.folder} canPick={output.canPick} onPick={() => void output.pick()} />
      <Box>
        <Button variant="contained" onClick={save} disabled={write.busy || !output.folder}>
          {write.busy ? 'Saving…' : 'Save the certbot set…'}
        </Button>
      </Box>
      {write.error && <ErrorAlert error={write.error} title="The files could not be saved" testId="acme-save-error" />}
      {written && (
        <Alert severity="success" data-testid="acme-saved">
          Saved {written.length} files.
          <WrittenFiles files={written} />
        </Alert>
      )}
      {write.exists && <ReplaceDialog error={write.exists.error} names={names} busy={write.busy} onReplace={() => void write.replace()} onCancel={write.keep} />}
    </Box>
  );
}
