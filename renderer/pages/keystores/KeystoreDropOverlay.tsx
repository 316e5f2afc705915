/** Shown while files are held over the Keystores page: what dropping them will do here. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function KeystoreDropOverlay({ intoDialog }: { intoDialog: boolean }) {
  return (
    <Box
      aria-hidden
      sx={{
        position: 'fixed',
        inset: 8,
        zIndex: (t) => t.zIndex.modal + 1,
        border: 3,
        borderStyle: 'dashed',
        borderColor: 'primary.main',
        borderRadius: 3,
        bgcolor: (t) => (t.palette.mode === 'dark' ? 'rgba(18,20,23,0.95)' : 'rgba(255,255,255,0.95)'),
        display: 'grid',
        placeContent: 'center',
        textAlign: 'center',
        gap: 1,
        pointerEvents: 'none',
      }}
    >
      <Typography variant="h4" color="primary" sx={{ fontWeight: 700 }}>
        {intoDialog ? 'Drop to list these files here' : 'Drop a keystore to edit it'}
      </Typography>
      <Typography color="text.secondary">{intoDialog ? 'Their certificates and keys can then be chosen in the dialog.' : '.jks, .jceks, .p12 or .pfx — or a PEM set with a key and its certificates.'}</Typography>
    </Box>
  );
}
