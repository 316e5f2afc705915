/**
 * One object in the list: what it is, where it sits, its expiry and its links. The row itself is the
 * focus target (the list moves focus between rows with the arrow keys); its chips are reached with → and ←.
 */
import { memo } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { ExpiryChip } from './ExpiryChip';
import { KindIcon } from './KindIcon';
import { linksOf, type LinkContext } from './links';
import { MatchChips } from './MatchChips';
import type { ObjectSummaryDto as RowData } from '../../../main/api/dto';
import { KIND_WORDS, placeWords, problemWords } from './words';

interface Props {
  row: RowData;
  /** Everything open, for the link chips (stable while the workbench does not change, so rows stay memoized). */
  links: LinkContext;
  selected: boolean;
  /** The list's one Tab stop. */
  tabStop: boolean;
  onSelect: (id: string) => void;
  onJump: (id: string) => void;
  /** Right-click: the row's next steps at the pointer. */
  onMenu: (id: string, position: { left: number; top: number }) => void;
}

function secondLine(r: RowData): string {
  const what = r.kind === 'certificate' ? (r.isCA ? (r.selfSigned ? 'Root CA' : 'Intermediate CA') : 'Certificate') : r.kind === 'unsupported' ? 'Could not be read' : KIND_WORDS[r.kind];
  return [what, r.alias ? `alias “${r.alias}”` : null, placeWords(r.location)].filter(Boolean).join(' · ');
}

export const ObjectRow = memo(function ObjectRow({ row, links: context, selected, tabStop, onSelect, onJump, onMenu }: Props) {
  const links = linksOf(row, context);
  const problems = row.problems.length;
  const worst = row.problems.some((p) => p.severity === 'error') ? 'error' : row.problems.some((p) => p.severity === 'warning') ? 'warning' : 'info';
  const chips = links.length > 0 || row.encrypted || row.kind === 'unsupported' || problems > 0;
  return (
    <Box
      role="listitem"
      tabIndex={tabStop ? 0 : -1}
      data-object-id={row.id}
      data-row-focus
      data-kind={row.kind}
      data-selected={selected || undefined}
      aria-current={selected ? 'true' : undefined}
      aria-label={`${row.label}, ${secondLine(row)}`}
      onClick={() => onSelect(row.id)}
      onContextMenu={(e) => {
        e.preventDefault();
        onSelect(row.id);
        onMenu(row.id, { left: e.clientX, top: e.clientY });
      }}
      sx={{
        display: 'flex',
        gap: 1.25,
        px: 1.5,
        py: 0.75,
        cursor: 'pointer',
        borderRadius: 1,
        outlineOffset: -2,
        bgcolor: selected ? 'action.selected' : 'transparent',
        '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
        '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' },
      }}
    >
      <Box sx={{ mt: 0.25, display: 'flex' }}>
        <KindIcon kind={row.kind} />
      </Box>
      <Box sx={{ minWidth: 0, flex: 1 }}>
        <Typography variant="body2" noWrap sx={{ fontWeight: 600 }} title={row.label}>
          {row.label}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minHeight: 20 }}>
          <Typography variant="caption" color="text.secondary" component="div" noWrap sx={{ flex: 1, minWidth: 0 }}>
            {secondLine(row)}
          </Typography>
          {row.kind === 'certificate' && <ExpiryChip cert={row} />}
        </Box>
        {chips && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.5 }}>
            {row.encrypted && <Chip label="Encrypted" variant="outlined" />}
            {row.kind === 'unsupported' && <Chip label={problemWords(row.error?.code ?? '')} color="warning" variant="outlined" />}
            {problems > 0 && <Chip label={problems === 1 ? '1 problem' : `${problems} problems`} color={worst} variant="outlined" title={row.problems.map((p) => p.message).join('\n')} />}
            <MatchChips links={links} onJump={onJump} inRow />
          </Box>
        )}
      </Box>
    </Box>
  );
});
