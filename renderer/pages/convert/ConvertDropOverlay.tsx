/** While files are dragged over the Convert page: drop on a card to convert straight to it, or anywhere to add. */
import Box from '@mui/material/Box';
import { DropFrame } from '../../components/DropFrame';
import Typography from '@mui/material/Typography';
import { TARGET_CARDS } from './targets';
import { TargetCardView } from './TargetCardView';

export function ConvertDropOverlay({ overCard }: { overCard: string | null }) {
  return (
    <DropFrame testId="convert-drop-overlay" interactive sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: 4, overflow: 'auto' }}>
      <Typography variant="h5" color="primary" sx={{ fontWeight: 700, textAlign: 'center' }}>
        {overCard ? `Drop to convert for “${TARGET_CARDS.find((c) => c.id === overCard)?.title ?? overCard}”` : 'Drop to add to what you convert, or on who needs it'}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 1.5 }}>
        {TARGET_CARDS.map((card) => (
          <TargetCardView key={card.id} card={card} selected={false} unavailable={null} dropping={card.id === overCard} onChoose={() => undefined} />
        ))}
      </Box>
    </DropFrame>
  );
}
