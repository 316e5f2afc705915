import Typography from '@mui/material/Typography';
import { DropFrame } from '../../components/DropFrame';

export function DropOverlay() {
  return (
    <DropFrame sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Typography variant="h4" color="primary" sx={{ fontWeight: 700 }}>
        Drop to open in Inspect
      </Typography>
    </DropFrame>
  );
}
