/**
 * The entries of one keystore as a compact table: alias, type, subject, expiry, chain, created, status. Only
 * the rows on screen are drawn (a truststore of the world's roots has hundreds); ↑ ↓ move the selection,
 * the context menu (right click, the ⋮ button, Shift+F10) holds the row's actions; F2 renames, Delete
 * deletes (after a confirm), Enter unlocks a key that needs its own password.
 */
import { useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import MoreIcon from '@mui/icons-material/MoreVert';
import LockIcon from '@mui/icons-material/LockOutlined';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { KeystoreEntryDto } from '../../../main/api/dto';
import { formatDate } from '../inspect/words';
import { CertExpiryChip } from './CertExpiryChip';
import type { EntryAction } from './EntryMenu';
import { EntryTypeIcon } from './EntryTypeIcon';
import { cnOf } from './words';

const SHORT_TYPE: Record<KeystoreEntryDto['type'], string> = { privateKey: 'Key pair', trustedCert: 'Trusted', secretKey: 'Secret key' };

/** Measured in Chromium at the compact density (a row with a chip). */
const ROW_HEIGHT = 41;

interface Props {
  entries: KeystoreEntryDto[];
  selected: string | null;
  onSelect: (alias: string) => void;
  /** Opens the row's action menu at a point, or at the row's ⋮ button. */
  onMenu: (alias: string, anchor: { x: number; y: number } | HTMLElement) => void;
  onUnlock: (alias: string) => void;
  /** A row action chosen with its key. */
  onAction: (alias: string, action: EntryAction) => void;
}

export function EntriesTable({ entries, selected, onSelect, onMenu, onUnlock, onAction }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: entries.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const selectedIndex = entries.findIndex((e) => e.alias === selected);

  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  const keyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    if (move !== undefined || e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      const next = e.key === 'Home' ? 0 : e.key === 'End' ? entries.length - 1 : Math.min(entries.length - 1, Math.max(0, index + move!));
      onSelect(entries[next]!.alias);
      requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-alias="${CSS.escape(entries[next]!.alias)}"]`)?.focus());
    } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
      e.preventDefault();
      onMenu(entries[index]!.alias, e.currentTarget);
    } else if (e.key === 'F2' || e.key === 'Delete' || (e.key === 'Enter' && entries[index]!.locked)) {
      e.preventDefault();
      onAction(entries[index]!.alias, e.key === 'F2' ? 'rename' : e.key === 'Delete' ? 'delete' : 'unlock');
    }
  };

  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const tabStop = selectedIndex >= 0 ? selectedIndex : 0;

  return (
    <Box ref={scroller} sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Table stickyHeader aria-label="Entries" sx={{ '& td, & th': { whiteSpace: 'nowrap', px: 1 }, '& td:first-of-type, & th:first-of-type': { pl: 2 } }}>
        <TableHead>
          <TableRow>
            <TableCell>Alias</TableCell>
            <TableCell>Type</TableCell>
            <TableCell>Subject</TableCell>
            <TableCell>Expires</TableCell>
            <TableCell align="right">Chain</TableCell>
            <TableCell>Created</TableCell>
            <TableCell>Status</TableCell>
            <TableCell padding="none" aria-label="Actions" />
          </TableRow>
        </TableHead>
        <TableBody>
          {top > 0 && <TableRow aria-hidden style={{ height: top }} />}
          {items.map((v) => {
            const entry = entries[v.index]!;
            const isSelected = entry.alias === selected;
            return (
              <TableRow
                key={entry.alias}
                hover
                selected={isSelected}
                tabIndex={v.index === tabStop ? 0 : -1}
                data-alias={entry.alias}
                data-type={entry.type}
                aria-selected={isSelected}
                onClick={() => onSelect(entry.alias)}
                onContextMenu={(e: MouseEvent) => {
                  e.preventDefault();
                  onSelect(entry.alias);
                  onMenu(entry.alias, { x: e.clientX, y: e.clientY });
                }}
                onKeyDown={(e) => keyDown(e, v.index)}
                sx={{ cursor: 'pointer', height: ROW_HEIGHT, '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main', outlineOffset: -2 } }}
              >
                <TableCell sx={{ fontWeight: 600, maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis' }} title={entry.alias}>
                  {entry.alias}
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
                    <EntryTypeIcon type={entry.type} />
                    {SHORT_TYPE[entry.type]}
                  </Box>
                </TableCell>
                <TableCell sx={{ maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis' }} title={entry.certificate?.subject}>
                  {entry.certificate ? cnOf(entry.certificate.subject) : entry.keyAlgorithm ?? '—'}
                </TableCell>
                <TableCell>{entry.certificate ? <CertExpiryChip cert={entry.certificate} compact /> : '—'}</TableCell>
                <TableCell align="right">{entry.type === 'privateKey' ? entry.chain.length : '—'}</TableCell>
                <TableCell>{entry.created ? formatDate(entry.created) : '—'}</TableCell>
                <TableCell>
                  <EntryStatus entry={entry} onUnlock={() => onUnlock(entry.alias)} />
                </TableCell>
                <TableCell padding="none">
                  <IconButton
                    aria-label={`Actions for ${entry.alias}`}
                    tabIndex={-1}
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(entry.alias);
                      onMenu(entry.alias, e.currentTarget);
                    }}
                  >
                    <MoreIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            );
          })}
          {bottom > 0 && <TableRow aria-hidden style={{ height: bottom }} />}
        </TableBody>
      </Table>
      {entries.length === 0 && (
        <Typography color="text.secondary" sx={{ p: 3 }}>
          No entries yet. Add a trusted certificate or import a key pair with the buttons above.
        </Typography>
      )}
    </Box>
  );
}

function EntryStatus({ entry, onUnlock }: { entry: KeystoreEntryDto; onUnlock: () => void }) {
  const errors = entry.problems.filter((p) => p.severity === 'error').length;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
      {entry.locked ? (
        <>
          <Chip icon={<LockIcon />} label="Needs its own password" color="warning" variant="outlined" />
          <Button
            onClick={(e) => {
              e.stopPropagation();
              onUnlock();
            }}
          >
            Unlock
          </Button>
        </>
      ) : (
        entry.ownKeyPassword && <Chip label="Own key password" variant="outlined" />
      )}
      {entry.problems.length > 0 && (
        <Chip
          // Beside the lock chip only a count fits; the details list every problem in full.
          label={entry.problems.length === 1 && !entry.locked ? entry.problems[0]!.message : entry.problems.length === 1 ? '1 problem' : `${entry.problems.length} problems`}
          color={errors > 0 ? 'error' : 'warning'}
          variant="outlined"
          title={entry.problems.map((p) => p.message).join('\n')}
          sx={{ maxWidth: 220 }}
        />
      )}
      {!entry.locked && !entry.ownKeyPassword && entry.problems.length === 0 && (
        <Typography variant="caption" color="text.secondary">
          OK
        </Typography>
      )}
    </Box>
  );
}
