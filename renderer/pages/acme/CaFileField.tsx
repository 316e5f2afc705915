/**
 * "CA certificate" for an ACME server with a private TLS certificate: in the desktop app a file chosen in the
 * open dialog (main grants it); in the browser host a file in the output folder, by name.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useClient } from '../../api/context';
import { useOutputFolder } from '../convert/useOutputFolder';
import { MONO_FONT } from '../../theme';
import { baseName, inFolder } from './words';

export function CaFileField({ caFile, onCaFile }: { caFile: string; onCaFile: (path: string) => void }) {
  const client = useClient();
  const output = useOutputFolder();
  const [name, setName] = useState(caFile ? baseName(caFile) : '');
  const help = 'Only when the ACME server’s own HTTPS certificate is not from a public CA: a PEM file with the CA certificate that signed it.';

  if (client.pickFiles) {
    const pick = async () => {
      const [path] = (await client.pickFiles?.()) ?? [];
      if (path) onCaFile(path);
    };
    return (
      <Box>
        <Typography variant="subtitle2">CA certificate (optional)</Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 0.5 }}>
          <Typography data-testid="acme-ca-file" sx={{ fontFamily: MONO_FONT, fontSize: 13, overflowWrap: 'anywhere', flex: 1 }}>
            {caFile || 'None: the system’s trusted roots'}
          </Typography>
          <Button variant="outlined" onClick={() => void pick()}>
            Choose file…
          </Button>
          {caFile && <Button onClick={() => onCaFile('')}>Clear</Button>}
        </Box>
        <Typography variant="caption" color="text.secondary">
          {help}
        </Typography>
      </Box>
    );
  }
  const folder = output.folder;
  return (
    <TextField
      label="CA certificate (optional)"
      placeholder="ca.pem"
      value={name}
      disabled={!folder}
      onChange={(e) => {
        const typed = e.target.value;
        setName(typed);
        onCaFile(typed.trim() && folder ? inFolder(folder, typed.trim()) : '');
      }}
      helperText={`${help} In the browser, put the file in the output folder (${folder ?? '…'}) and type its name.`}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}
