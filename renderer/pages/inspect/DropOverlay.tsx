import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function DropOverlay() {
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
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        pointerEvents: 'none',
      }}
    >
      <Typography variant="h4" color="primary" sx={{ fontWeight: 700 }}>
        Drop to open in Inspect
      </Typography>
    </Box>
  );
}
