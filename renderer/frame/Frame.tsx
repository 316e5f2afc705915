import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import { NavRail } from './NavRail';
import type { PageId } from './pages';

export function Frame({ page, onNavigate, banner, children }: { page: PageId; onNavigate: (id: PageId) => void; banner?: ReactNode; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
      <NavRail page={page} onNavigate={onNavigate} />
      <Box component="main" sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' }}>
        {banner}
        {children}
      </Box>
    </Box>
  );
}
