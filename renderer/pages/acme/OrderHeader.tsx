/** An order's status first: the verdict in colour, its state chip, the CA and names; a bar while main works on it. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import type { AcmeOrderDto } from '../../../main/api/dto';
import { OrderStateChip } from './OrderStateChip';
import { dateTimeWords, orderVerdict } from './words';

export function OrderHeader({ order, now }: { order: AcmeOrderDto; now: Date }) {
  const verdict = orderVerdict(order, now);
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Alert severity={verdict.tone} data-testid="acme-verdict" data-state={order.state} role="status" aria-live="polite">
        {verdict.text}
      </Alert>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <OrderStateChip state={order.state} />
        <Typography variant="body2" color="text.secondary">
          {order.caName}
        </Typography>
        {order.staging && <Chip size="small" variant="outlined" label="staging / test CA" />}
        <Typography variant="body2" color="text.secondary">
          · {order.challenge.toUpperCase()} {order.mode === 'serve' ? 'answered by Certbench' : order.mode === 'manual' ? 'by hand' : 'through hooks'} · key {order.key === 'csr' ? 'from your CSR' : order.key}
          {order.expiresAt && !['issued', 'revoked', 'cancelled', 'invalid'].includes(order.state) ? ` · the CA drops it ${dateTimeWords(order.expiresAt)}` : ''}
        </Typography>
      </Box>
      <Box sx={{ height: 4 }}>{order.busy && <LinearProgress aria-label="The order is moving" />}</Box>
    </Box>
  );
}
