/** Convert: the wizard from "what was found" to "what was written". */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function ConvertPage() {
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        Convert
      </Typography>
    </Box>
  );
}
