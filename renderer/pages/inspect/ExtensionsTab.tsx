import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { ExtensionDto } from '../../../main/api/dto';

export function ExtensionsTab({ extensions }: { extensions: ExtensionDto[] }) {
  if (extensions.length === 0) return <Typography color="text.secondary">No extensions.</Typography>;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
      {extensions.map((x, i) => (
        <Paper key={`${x.oid}-${i}`} variant="outlined" sx={{ p: 1.25 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 0.5 }}>
            <Typography variant="subtitle2">{x.name}</Typography>
            {x.critical && <Chip label="Critical" color="warning" />}
            <Typography variant="caption" color="text.secondary" sx={{ ml: 'auto', fontFamily: 'monospace' }}>
              {x.oid}
            </Typography>
          </Box>
          {x.lines.map((line, j) => (
            <Typography key={j} variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {line}
            </Typography>
          ))}
          {x.error && (
            <Typography variant="body2" color="error">
              {x.error}
            </Typography>
          )}
        </Paper>
      ))}
    </Box>
  );
}
