/** Step 2, "Who needs it?": cards by who needs the output, and every format by name under "All formats". */
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Typography from '@mui/material/Typography';
import ExpandMore from '@mui/icons-material/ExpandMore';
import type { ConvertPreviewDto, ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ALL_FORMATS, formatChoice, TARGET_CARDS, unavailableReason, type TargetChoice } from './targets';
import { TargetCardView } from './TargetCardView';

interface Props {
  choice: TargetChoice | null;
  onChoose: (choice: TargetChoice) => void;
  found: ConvertPreviewDto['found'] | null;
  /** The chosen conversion cannot be written from this input. */
  blocked: ErrorInfo | null;
}

export function TargetStep({ choice, onChoose, found, blocked }: Props) {
  const formatChosen = choice?.id.startsWith('format:') ?? false;
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Box role="group" aria-label="Who needs it" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 1.5 }}>
        {TARGET_CARDS.map((card) => (
          <TargetCardView key={card.id} card={card} selected={choice?.id === card.id} unavailable={unavailableReason(card.needs, found)} onChoose={() => onChoose(card)} />
        ))}
      </Box>
      <Accordion defaultExpanded={formatChosen} disableGutters variant="outlined" sx={{ borderRadius: 2, '&::before': { display: 'none' } }}>
        <AccordionSummary expandIcon={<ExpandMore />}>
          <Typography variant="subtitle2">All formats</Typography>
        </AccordionSummary>
        <AccordionDetails sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 0.5 }}>
          {ALL_FORMATS.map((f) => {
            const id = `format:${f.target}`;
            const selected = choice?.id === id;
            const unavailable = unavailableReason(f.needs, found);
            return (
              <ButtonBase
                key={f.target}
                aria-pressed={selected}
                disabled={unavailable !== null}
                title={unavailable ?? undefined}
                onClick={() => onChoose(formatChoice(f.target))}
                sx={{ justifyContent: 'flex-start', textAlign: 'left', gap: 1, px: 1, py: 0.75, borderRadius: 1, border: 1, borderColor: selected ? 'primary.main' : 'transparent', bgcolor: selected ? 'action.selected' : 'transparent', '&.Mui-disabled': { opacity: 0.5 } }}
              >
                <Typography variant="body2" sx={{ fontWeight: 700, minWidth: 96 }}>
                  {f.name}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {f.writes}
                </Typography>
              </ButtonBase>
            );
          })}
        </AccordionDetails>
      </Accordion>
      {blocked && <ErrorAlert error={blocked} severity="warning" testId="convert-blocked" />}
    </Box>
  );
}
