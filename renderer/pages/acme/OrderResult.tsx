/**
 * Step 6, "Result": issued → what the CA issued, the files already written, "Save the certbot set…", "Open in
 * Inspector" and "Export as PFX / keystore"; failed → the CA's reason in its own words and what to do, each
 * name's error, "Try again" (a new order with the same settings); revoked or cancelled say so.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import type { AcmeOrderDto, ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChallengeCard } from './ChallengeCard';
import { IssuedDetails } from './IssuedDetails';
import { OrderHeader } from './OrderHeader';
import { TimelineSection } from './OrderTimeline';
import { ProblemAlert } from './ProblemAlert';
import { SaveCertbotSet } from './SaveCertbotSet';
import type { OrderOpenModel } from './useOrderOpen';
import { WrittenFiles } from './WrittenFiles';

interface Props {
  order: AcmeOrderDto;
  now: Date;
  running: string | null;
  error: { action: string; error: ErrorInfo } | null;
  opener: OrderOpenModel;
  onRetry: () => void;
  onNew: () => void;
}

export function OrderResult({ order, now, running, error, opener, onRetry, onNew }: Props) {
  const result = order.state === 'issued' ? order.result : null;
  const failed = order.state === 'invalid';
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 980 }} data-testid="acme-result" data-order={order.id} data-state={order.state}>
      <OrderHeader order={order} now={now} />
      {error && <ErrorAlert error={error.error} title={`Could not ${error.action} the order`} testId="acme-action-error" />}
      {opener.error && <ErrorAlert error={opener.error} title="The certificate could not be opened" testId="acme-open-error" />}
      {result && (
        <>
          <IssuedDetails result={result} now={now} />
          {!result.hasKey && <Typography variant="body2">The key is the one behind your CSR: Certbench has no privkey.pem for this certificate.</Typography>}
          {result.written.length > 0 && (
            <Box>
              <Typography variant="subtitle2">Written when it was issued</Typography>
              <WrittenFiles files={result.written} />
            </Box>
          )}
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="outlined" onClick={() => void opener.inspect(order.id)} disabled={opener.opening}>
              Open in Inspector
            </Button>
            <Button variant="outlined" onClick={() => void opener.convert(order.id)} disabled={opener.opening || !result.hasKey}>
              Export as PFX / keystore…
            </Button>
          </Box>
          <Divider />
          <SaveCertbotSet orderId={order.id} hasKey={result.hasKey} />
        </>
      )}
      {order.problem && <ProblemAlert order={order} problem={order.problem} />}
      {/* With several names, which ones failed and why; with one, the problem above already says it. */}
      {failed && order.authorizations.length > 1 && (
        <Box component="ul" aria-label="Names" sx={{ m: 0, p: 0, display: 'grid', gap: 1.5 }}>
          {order.authorizations.map((a) => (
            <ChallengeCard key={a.domain} auth={a} mode={order.mode} />
          ))}
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {order.state !== 'issued' && (
          <Button variant="contained" onClick={onRetry} disabled={running !== null}>
            {running === 'renew' ? 'Ordering…' : 'Try again with the same settings'}
          </Button>
        )}
        <Button onClick={onNew}>New order</Button>
      </Box>
      <TimelineSection steps={order.timeline} />
    </Box>
  );
}
