/**
 * One object in a file. The row's button selects it; the chips under it (expiry, matches) are separate
 * controls, not nested inside that button.
 */
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ObjectDto } from '../../../main/api/dto';
import { ExpiryChip } from './ExpiryChip';
import { KindIcon } from './KindIcon';
import { MatchChips } from './MatchChips';
import { KIND_WORDS, objectLabel, problemWords } from './words';

interface Props {
  object: ObjectDto;
  all: Map<string, ObjectDto>;
  selected: boolean;
  onSelect: (id: string) => void;
}

function secondLine(o: ObjectDto): string {
  const where = [o.alias ? `alias “${o.alias}”` : null, o.location].filter(Boolean).join(' · ');
  if (o.kind === 'certificate') return [o.isCA ? (o.selfSigned ? 'Root CA' : 'Intermediate CA') : 'Certificate', where].filter(Boolean).join(' · ');
  if (o.kind === 'unsupported') return ['Could not be read', where].filter(Boolean).join(' · ');
  return [KIND_WORDS[o.kind], where].filter(Boolean).join(' · ');
}

export function ObjectRow({ object, all, selected, onSelect }: Props) {
  const chips = object.kind === 'certificate' || object.kind === 'unsupported' || object.matchIds.length > 0 || (object.kind === 'privateKey' && object.encrypted);
  return (
    <Box
      role="listitem"
      data-object-id={object.id}
      data-kind={object.kind}
      data-selected={selected || undefined}
      onClick={() => onSelect(object.id)}
      sx={{ borderRadius: 1, bgcolor: selected ? 'action.selected' : 'transparent', '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' }, cursor: 'pointer' }}
    >
      <ButtonBase
        aria-current={selected ? 'true' : undefined}
        onClick={(e) => {
          e.stopPropagation();
          onSelect(object.id);
        }}
        sx={{ display: 'flex', width: '100%', justifyContent: 'flex-start', alignItems: 'flex-start', textAlign: 'left', gap: 1.25, px: 1.5, pt: 0.75, pb: chips ? 0.25 : 0.75, borderRadius: 1 }}
      >
        <Box sx={{ mt: 0.25, display: 'flex' }}>
          <KindIcon kind={object.kind} />
        </Box>
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {objectLabel(object)}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {secondLine(object)}
          </Typography>
        </Box>
      </ButtonBase>
      {chips && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, pl: 5.25, pr: 1.5, pb: 0.75 }}>
          {object.kind === 'certificate' && <ExpiryChip cert={object} />}
          {object.kind === 'privateKey' && object.encrypted && <Chip label="Encrypted" variant="outlined" />}
          {object.kind === 'unsupported' && <Chip label={problemWords(object.error.code)} color="warning" variant="outlined" />}
          <MatchChips object={object} all={all} onJump={onSelect} />
        </Box>
      )}
    </Box>
  );
}
