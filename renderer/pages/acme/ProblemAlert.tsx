/** Why an order failed: the CA's own words, its problem type, the names it listed, and what to do. */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AcmeOrderDto, AcmeProblemDto } from '../../../main/api/dto';
import { extraSubproblems, problemTitle } from './words';

export function ProblemAlert({ order, problem }: { order: AcmeOrderDto; problem: AcmeProblemDto }) {
  const subproblems = extraSubproblems(problem);
  return (
    <Alert severity="error" role="alert" data-testid="acme-problem" data-code={problem.code} sx={{ '& .MuiAlert-message': { minWidth: 0 } }}>
      <AlertTitle>{problemTitle(order)}</AlertTitle>
      <Typography variant="body2" data-testid="acme-problem-message" sx={{ overflowWrap: 'anywhere' }}>
        {problem.message}
        {problem.caType ? ` (${problem.caType})` : ''}
      </Typography>
      {subproblems.length > 0 && (
        <Box component="ul" sx={{ my: 0.5, pl: 2.5 }}>
          {subproblems.map((s, i) => (
            <li key={i}>
              <strong>{s.identifier}</strong>: {s.detail}
            </li>
          ))}
        </Box>
      )}
      <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="acme-problem-hint">
        What to do: {problem.hint}
      </Typography>
    </Alert>
  );
}
