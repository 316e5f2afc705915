/** The navigation rail: pages not built yet show as "coming soon". */
import type { ReactElement } from 'react';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import SearchIcon from '@mui/icons-material/ManageSearch';
import SwapIcon from '@mui/icons-material/SwapHoriz';
import NoteAddIcon from '@mui/icons-material/NoteAdd';
import LinkIcon from '@mui/icons-material/Link';
import VerifiedIcon from '@mui/icons-material/VerifiedUserOutlined';
import KeyIcon from '@mui/icons-material/Inventory2Outlined';
import EventIcon from '@mui/icons-material/EventNote';
import SettingsIcon from '@mui/icons-material/SettingsOutlined';
import type { PageId } from './pages';

interface RailItem {
  id: PageId;
  label: string;
  icon: ReactElement;
  ready: boolean;
}

const ITEMS: RailItem[] = [
  { id: 'inspect', label: 'Inspect', icon: <SearchIcon />, ready: true },
  { id: 'convert', label: 'Convert', icon: <SwapIcon />, ready: true },
  { id: 'csr', label: 'New CSR', icon: <NoteAddIcon />, ready: true },
  { id: 'acme', label: 'Issue certificate', icon: <VerifiedIcon />, ready: true },
  { id: 'chain', label: 'Chain doctor', icon: <LinkIcon />, ready: true },
  { id: 'keystores', label: 'Keystores', icon: <KeyIcon />, ready: true },
  { id: 'expiry', label: 'Expiry', icon: <EventIcon />, ready: true },
];
const SETTINGS: RailItem = { id: 'settings', label: 'Settings', icon: <SettingsIcon />, ready: true };

function RailButton({ item, active, onNavigate }: { item: RailItem; active: boolean; onNavigate: (id: PageId) => void }) {
  const button = (
    <ButtonBase
      aria-current={active ? 'page' : undefined}
      aria-disabled={!item.ready || undefined}
      disabled={!item.ready}
      onClick={() => onNavigate(item.id)}
      sx={{
        flexDirection: 'column',
        width: 72,
        py: 1,
        borderRadius: 2,
        gap: 0.25,
        color: active ? 'primary.main' : 'text.secondary',
        bgcolor: active ? 'action.selected' : 'transparent',
        '&:hover': { bgcolor: 'action.hover' },
        // Greyed and marked "Soon", so a page that does not work yet never looks like one that does (dark too).
        '&.Mui-disabled': { color: 'text.disabled', opacity: (theme) => (theme.palette.mode === 'dark' ? 0.55 : 0.7) },
      }}
    >
      {item.icon}
      <Typography variant="caption" sx={{ fontWeight: active ? 700 : 500, lineHeight: 1.2, textAlign: 'center' }}>
        {item.label}
      </Typography>
      {!item.ready && (
        <Typography variant="caption" aria-hidden sx={{ fontSize: 9, lineHeight: 1, letterSpacing: 0.5, textTransform: 'uppercase', border: 1, borderColor: 'currentColor', borderRadius: 1, px: 0.5, py: '1px' }}>
          Soon
        </Typography>
      )}
    </ButtonBase>
  );
  if (item.ready) return button;
  return (
    <Tooltip title={`${item.label}: coming soon`} placement="right">
      {/* A disabled button fires no events; the span lets the tooltip explain why it is grey. */}
      <span>{button}</span>
    </Tooltip>
  );
}

export function NavRail({ page, onNavigate }: { page: PageId; onNavigate: (id: PageId) => void }) {
  return (
    <Box
      component="nav"
      aria-label="Pages"
      sx={{ width: 88, flexShrink: 0, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 0.5, py: 1.5, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
    >
      <Typography variant="subtitle2" sx={{ fontWeight: 800, color: 'primary.main', mb: 1, letterSpacing: 0.3 }}>
        Certbench
      </Typography>
      {ITEMS.map((item) => (
        <RailButton key={item.id} item={item} active={page === item.id} onNavigate={onNavigate} />
      ))}
      <Box sx={{ flex: 1 }} />
      <RailButton item={SETTINGS} active={page === 'settings'} onNavigate={onNavigate} />
    </Box>
  );
}
