/** While files are dragged over New CSR: a config file fills the form, a certificate is the CA's reply. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DropFrame } from '../../components/DropFrame';

export function CsrDropOverlay({ reply }: { reply: boolean }) {
  return (
    <DropFrame testId="csr-drop-overlay" sx={{ display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Box sx={{ textAlign: 'center', display: 'grid', gap: 1 }}>
        <Typography variant="h5" color="primary" sx={{ fontWeight: 700 }}>
          {reply ? 'Drop the CA’s reply' : 'Drop an OpenSSL config file to fill the form'}
        </Typography>
        <Typography color="text.secondary">{reply ? 'PEM, DER or P7B: Certbench finds the key it belongs to.' : 'Or the certificate your CA sent back: it opens “I got my certificate back”.'}</Typography>
      </Box>
    </DropFrame>
  );
}
