/** One "who needs it" card: who, and what it writes. Files dropped on it open and choose it. */
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/CheckCircle';
import type { TargetCard } from './targets';

interface Props {
  card: TargetCard;
  selected: boolean;
  /** Why it cannot be used with what was found. */
  unavailable: string | null;
  onChoose: () => void;
  /** Drawn in the drag overlay, under the pointer. */
  dropping?: boolean;
}

export function TargetCardView({ card, selected, unavailable, onChoose, dropping = false }: Props) {
  return (
    <ButtonBase
      data-drop-card={card.id}
      data-target={card.target}
      aria-pressed={selected}
      aria-label={`${card.title}: ${card.writes}`}
      disabled={unavailable !== null}
      onClick={onChoose}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'stretch',
        justifyContent: 'flex-start',
        textAlign: 'left',
        gap: 0.5,
        p: 1.5,
        borderRadius: 2,
        border: selected || dropping ? 2 : 1,
        borderColor: selected || dropping ? 'primary.main' : 'divider',
        bgcolor: dropping ? 'action.selected' : 'background.paper',
        minHeight: 96,
        '&:hover': { borderColor: 'primary.main' },
        '&.Mui-disabled': { opacity: 0.55 },
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle2" sx={{ fontWeight: 700, flex: 1 }}>
          {card.title}
        </Typography>
        {selected && <CheckIcon fontSize="small" color="primary" />}
      </Box>
      <Typography variant="caption" color="text.secondary">
        {card.writes}
      </Typography>
      {unavailable && <Chip label={unavailable} color="warning" variant="outlined" sx={{ alignSelf: 'flex-start' }} />}
    </ButtonBase>
  );
}
