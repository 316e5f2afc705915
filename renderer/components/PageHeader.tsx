/** The bar at the top of every page: its name, one line of status, and the page's main actions. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

export function PageHeader({ title, status, statusTestId, children }: { title: string; status: ReactNode; statusTestId: string; children?: ReactNode }) {
  return (
    <Box component="header" sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 3, py: 1.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Typography variant="h6" component="h1" sx={{ fontWeight: 700, mr: 1 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }} noWrap data-testid={statusTestId}>
        {status}
      </Typography>
      {children}
    </Box>
  );
}
