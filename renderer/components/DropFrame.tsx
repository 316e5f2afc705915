/** The frame every page shows while files are held over it: what dropping them there will do goes inside. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';

export function DropFrame({ children, sx, testId, interactive = false }: { children: ReactNode; sx?: SxProps<Theme>; testId?: string; interactive?: boolean }) {
  return (
    <Box
      aria-hidden={interactive ? undefined : true}
      data-testid={testId}
      sx={[
        {
          position: 'fixed',
          inset: 8,
          zIndex: (t) => t.zIndex.modal + 1,
          border: 3,
          borderStyle: 'dashed',
          borderColor: 'primary.main',
          borderRadius: 3,
          bgcolor: (t) => (t.palette.mode === 'dark' ? 'rgba(18,20,23,0.95)' : 'rgba(255,255,255,0.95)'),
          pointerEvents: interactive ? undefined : 'none',
        },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {children}
    </Box>
  );
}
