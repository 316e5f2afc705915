/** The selected object's next steps as buttons under its verdict, where the user is looking. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useNavigation } from '../../frame/navigation';
import type { NextStep } from './nextSteps';

export function NextStepsBar({ steps }: { steps: NextStep[] }) {
  const { navigate } = useNavigation();
  if (steps.length === 0) return null;
  return (
    <Box role="group" aria-label="Next steps" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mt: 1.25 }}>
      {steps.map((s, i) => (
        <Button key={s.id} data-step={s.id} variant={i === 0 ? 'contained' : 'outlined'} onClick={() => navigate(s.intent.page, s.intent)}>
          {s.label}
        </Button>
      ))}
    </Box>
  );
}
