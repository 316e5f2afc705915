/** Keystores: JKS, JCEKS and PKCS#12 keystores as editable documents. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function KeystoresPage() {
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" sx={{ fontWeight: 700 }}>
        Keystores
      </Typography>
    </Box>
  );
}
