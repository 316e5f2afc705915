/**
 * Step 5, "Progress": the order while it moves: a card per name (what to place, the live check), Check and
 * Continue when the user answers by hand, Resume when it stopped, Cancel; the timeline below.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { AcmeOrderDto, ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChallengeCard } from './ChallengeCard';
import { OrderHeader } from './OrderHeader';
import { TimelineSection } from './OrderTimeline';
import { ProblemAlert } from './ProblemAlert';
import { continueWords } from './words';

interface Props {
  order: AcmeOrderDto;
  now: Date;
  /** The call in flight for this order ("check", "continue" …), or null. */
  running: string | null;
  error: { action: string; error: ErrorInfo } | null;
  onCheck: () => void;
  onContinue: () => void;
  onResume: () => void;
  onCancel: () => void;
}

export function OrderProgress({ order, now, running, error, onCheck, onContinue, onResume, onCancel }: Props) {
  const waiting = order.state === 'waiting' && order.mode === 'manual';
  const idle = running === null;
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 980 }} data-testid="acme-progress" data-order={order.id}>
      <OrderHeader order={order} now={now} />
      {order.problem && <ProblemAlert order={order} problem={order.problem} />}
      {error && <ErrorAlert error={error.error} title={`Could not ${error.action} the order`} testId="acme-action-error" />}
      <Box component="ul" aria-label="Names to prove" sx={{ m: 0, p: 0, display: 'grid', gap: 1.5 }}>
        {order.authorizations.map((a) => (
          <ChallengeCard key={a.domain} auth={a} mode={order.mode} />
        ))}
        {order.authorizations.length === 0 && (
          <Typography color="text.secondary" component="li" sx={{ listStyle: 'none' }}>
            Waiting for the CA to say what to prove…
          </Typography>
        )}
      </Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        {waiting && (
          <>
            <Button variant="outlined" onClick={onCheck} disabled={!idle}>
              {running === 'check' ? 'Checking…' : 'Check'}
            </Button>
            <Button variant="contained" onClick={onContinue} disabled={!idle}>
              {running === 'continue' ? 'Telling the CA…' : 'Continue: tell the CA'}
            </Button>
          </>
        )}
        {order.state === 'error' && (
          <Button variant="contained" onClick={onResume} disabled={!idle || order.busy}>
            {running === 'resume' ? 'Resuming…' : 'Resume'}
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        <Button color="error" onClick={onCancel} disabled={!idle}>
          {running === 'cancel' ? 'Cancelling…' : 'Cancel order'}
        </Button>
      </Box>
      {waiting && (
        <Typography variant="body2" color="text.secondary" data-testid="acme-continue-note">
          {continueWords(order)} Check asks DNS or fetches the URLs from here; it tells the CA nothing.
        </Typography>
      )}
      <TimelineSection steps={order.timeline} />
    </Box>
  );
}
