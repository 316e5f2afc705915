/**
 * Every certificate the last scan found: a grid with sortable column headers, only the rows on screen drawn
 * (10,000 stay quick). A row opens its certificate in the Inspector, or its server in the Chain doctor.
 */
import { useRef } from 'react';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ArrowUpIcon from '@mui/icons-material/ArrowUpward';
import ArrowDownIcon from '@mui/icons-material/ArrowDownward';
import DnsIcon from '@mui/icons-material/DnsOutlined';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ExpiryRowDto } from '../../../main/api/dto';
import { MONO_FONT } from '../../theme';
import type { SortKey, TableView } from './table';
import { daysWords, STATUS_COLOR, STATUS_SHORT } from './words';

const ROW_HEIGHT = 44;
const COLUMNS = '112px 172px minmax(180px, 1.3fr) minmax(200px, 1.5fr) 104px';

interface Props {
  rows: ExpiryRowDto[];
  view: TableView;
  onSort: (key: SortKey) => void;
  onOpen: (row: ExpiryRowDto) => void;
  /** Rows that lead nowhere (a target removed since the scan) are not buttons. */
  canOpen: (row: ExpiryRowDto) => boolean;
}

const HEADERS: { key: SortKey | null; label: string }[] = [
  { key: 'status', label: 'Status' },
  { key: 'daysLeft', label: 'Days left' },
  { key: 'subject', label: 'Subject' },
  { key: 'source', label: 'Where' },
  { key: null, label: 'Expires' },
];

function HeaderCell({ label, sortKey, view, onSort }: { label: string; sortKey: SortKey | null; view: TableView; onSort: (key: SortKey) => void }) {
  if (!sortKey) {
    return (
      <Typography role="columnheader" variant="subtitle2" sx={{ px: 1 }}>
        {label}
      </Typography>
    );
  }
  const active = view.sort === sortKey;
  return (
    <Box role="columnheader" aria-sort={active ? (view.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <ButtonBase onClick={() => onSort(sortKey)} data-testid={`expiry-sort-${sortKey}`} sx={{ px: 1, py: 0.5, borderRadius: 1, gap: 0.5, typography: 'subtitle2', '&.Mui-focusVisible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' } }}>
        {label}
        {active && (view.direction === 'asc' ? <ArrowUpIcon sx={{ fontSize: 16 }} /> : <ArrowDownIcon sx={{ fontSize: 16 }} />)}
      </ButtonBase>
    </Box>
  );
}

function Cells({ row }: { row: ExpiryRowDto }) {
  const served = row.presence === 'served';
  return (
    <>
      <Box role="cell" sx={{ px: 1 }}>
        <Chip size="small" label={STATUS_SHORT[row.status]} color={STATUS_COLOR[row.status]} variant={row.status === 'ok' ? 'outlined' : 'filled'} />
      </Box>
      <Typography role="cell" variant="body2" noWrap sx={{ px: 1, fontWeight: row.status === 'ok' ? 400 : 700, color: row.status === 'ok' || row.status === 'error' ? 'text.primary' : `${STATUS_COLOR[row.status]}.main` }}>
        {daysWords(row)}
      </Typography>
      <Box role="cell" sx={{ px: 1, minWidth: 0 }}>
        {row.error ? (
          <Tooltip title={row.error.hint}>
            <Typography variant="body2" noWrap color="text.secondary">
              {row.error.message}
            </Typography>
          </Tooltip>
        ) : (
          <Typography variant="body2" noWrap title={row.subject}>
            {row.subject}
            {row.isCA && <Chip label="CA" size="small" variant="outlined" sx={{ ml: 1, height: 18, fontSize: 11 }} />}
          </Typography>
        )}
      </Box>
      <Box role="cell" sx={{ px: 1, minWidth: 0, display: 'flex', alignItems: 'center', gap: 0.75 }}>
        {served ? <DnsIcon fontSize="small" color="action" titleAccess="Served by an endpoint" /> : <FileIcon fontSize="small" color="action" titleAccess="Stored in a file" />}
        <Typography variant="body2" noWrap title={row.source} sx={{ fontFamily: MONO_FONT, fontSize: 12, direction: 'rtl', textAlign: 'left' }}>
          {/* rtl keeps the file name visible when a long path is cut; the bidi mark keeps the text in order. */}
          {'\u200e' + row.source + '\u200e'}
        </Typography>
      </Box>
      <Typography role="cell" variant="body2" noWrap sx={{ px: 1, color: 'text.secondary' }}>
        {row.notAfter ? row.notAfter.slice(0, 10) : '—'}
      </Typography>
    </>
  );
}

export function ExpiryTable({ rows, view, onSort, onOpen, canOpen }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8, useFlushSync: false });
  return (
    <Box role="table" aria-label="Certificates by expiry" aria-rowcount={rows.length + 1} data-testid="expiry-table" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, overflow: 'hidden', bgcolor: 'background.paper' }}>
      <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', height: 36, borderBottom: 1, borderColor: 'divider', bgcolor: 'action.hover' }}>
        {HEADERS.map((h) => (
          <HeaderCell key={h.label} label={h.label} sortKey={h.key} view={view} onSort={onSort} />
        ))}
      </Box>
      <Box ref={scrollRef} role="rowgroup" sx={{ height: Math.min(440, Math.max(ROW_HEIGHT * 2, rows.length * ROW_HEIGHT)), overflow: 'auto' }}>
        {rows.length === 0 ? (
          <Typography color="text.secondary" sx={{ p: 2 }} data-testid="expiry-table-empty">
            No certificate matches these filters.
          </Typography>
        ) : (
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              const open = canOpen(row);
              return (
                <ButtonBase
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  component="div"
                  disabled={!open}
                  onClick={() => onOpen(row)}
                  data-testid="expiry-row"
                  data-status={row.status}
                  data-days={row.daysLeft ?? ''}
                  aria-label={open ? `${row.subject || row.source}: ${daysWords(row)}. Open ${row.presence === 'served' ? 'in the Chain doctor' : 'in the Inspector'}.` : undefined}
                  sx={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    alignItems: 'center',
                    justifyContent: 'stretch',
                    textAlign: 'left',
                    borderBottom: 1,
                    borderColor: 'divider',
                    '&:hover': { bgcolor: 'action.hover' },
                    '&.Mui-focusVisible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main', outlineOffset: -2 },
                    '&.Mui-disabled': { pointerEvents: 'none' },
                  }}
                >
                  <Cells row={row} />
                </ButtonBase>
              );
            })}
          </Box>
        )}
      </Box>
    </Box>
  );
}
