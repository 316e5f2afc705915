/**
 * Links as chips; clicking one selects the other object. In a list row the chips are not Tab stops (the
 * list is one; arrow keys reach them), in the detail pane they are.
 */
import Chip from '@mui/material/Chip';
import LinkIcon from '@mui/icons-material/Link';
import type { Link } from './links';

export function MatchChips({ links, onJump, inRow = false }: { links: Link[]; onJump: (id: string) => void; inRow?: boolean }) {
  return (
    <>
      {links.map(({ targetId, label }) => (
        <Chip
          key={`${targetId}-${label}`}
          icon={<LinkIcon />}
          color="primary"
          variant="outlined"
          label={label}
          tabIndex={inRow ? -1 : 0}
          data-row-action={inRow || undefined}
          onClick={(e) => {
            e.stopPropagation();
            onJump(targetId);
          }}
          aria-label={label}
        />
      ))}
    </>
  );
}
