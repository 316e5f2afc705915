/** While files are dragged over the Chain doctor: drop them to check, or on "Trust" to use them as roots. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { DropFrame } from '../../components/DropFrame';

const ZONES = [
  { id: 'input', title: 'Check these files', detail: 'A leaf certificate with its chain, as the server would send it.' },
  { id: 'trust', title: 'Trust these roots', detail: 'Your own root certificates: chains that end at them are trusted.' },
];

export function ChainDropOverlay({ overCard }: { overCard: string | null }) {
  return (
    <DropFrame testId="chain-drop-overlay" interactive sx={{ display: 'flex', flexDirection: 'column', gap: 2, p: 4 }}>
      <Typography variant="h5" color="primary" sx={{ fontWeight: 700, textAlign: 'center' }}>
        {overCard === 'trust' ? 'Drop to trust these roots' : 'Drop to check these files'}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2, flex: 1 }}>
        {ZONES.map((z) => (
          <Box
            key={z.id}
            data-drop-card={z.id}
            sx={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', alignItems: 'center', gap: 1, border: 2, borderStyle: 'dashed', borderRadius: 3, p: 3, textAlign: 'center', borderColor: (overCard ?? 'input') === z.id ? 'primary.main' : 'divider', bgcolor: (overCard ?? 'input') === z.id ? 'action.selected' : 'transparent' }}
          >
            <Typography variant="h6" sx={{ fontWeight: 700 }}>
              {z.title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {z.detail}
            </Typography>
          </Box>
        ))}
      </Box>
    </DropFrame>
  );
}
