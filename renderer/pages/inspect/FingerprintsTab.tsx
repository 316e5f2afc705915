import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { CopyButton } from '../../components/CopyButton';
import { colonHex } from './words';

export interface Fingerprint {
  name: string;
  hex: string;
  help: string;
}

export function FingerprintsTab({ items }: { items: Fingerprint[] }) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {items.map((f) => (
        <Box key={f.name} data-fingerprint={f.name}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography variant="subtitle2">{f.name}</Typography>
            <CopyButton text={colonHex(f.hex)} what={`${f.name} fingerprint`} />
          </Box>
          <Typography variant="body2" sx={{ fontFamily: 'monospace', overflowWrap: 'anywhere', userSelect: 'text' }}>
            {colonHex(f.hex)}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {f.help}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
