/** Every order, newest first: names, CA, state, created, certificate expiry, and what can be done with each. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { AcmeOrderDto } from '../../../main/api/dto';
import { OrderStateChip } from './OrderStateChip';
import { actionsFor, type OrderAction } from './orders';
import { dateTimeWords, expiryWords, namesWords } from './words';

const ACTION_LABEL: Record<OrderAction, string> = { open: 'Open', resume: 'Resume', renew: 'Renew', revoke: 'Revoke…', remove: 'Remove…', cancel: 'Cancel…' };

interface Props {
  orders: AcmeOrderDto[];
  now: Date;
  running: ReadonlyMap<string, string>;
  onAction: (order: AcmeOrderDto, action: OrderAction) => void;
}

export function OrdersTable({ orders, now, running, onAction }: Props) {
  if (orders.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="acme-orders-empty">
        No orders yet. Orders you start here (or with certbench acme issue) are listed with their state, and stay after Certbench restarts.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Orders" data-testid="acme-orders">
      <TableHead>
        <TableRow>
          <TableCell>Names</TableCell>
          <TableCell>CA</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Created</TableCell>
          <TableCell>Certificate</TableCell>
          <TableCell align="right">Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {orders.map((o) => {
          const busy = running.has(o.id);
          return (
            <TableRow key={o.id} data-testid="acme-order-row" data-order={o.id} data-state={o.state} hover>
              <TableCell sx={{ maxWidth: 320 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }} title={o.domains.join(', ')}>
                  {namesWords(o.domains)}
                </Typography>
              </TableCell>
              <TableCell>
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
                  <Typography variant="body2">{o.caName}</Typography>
                  {o.staging && <Chip size="small" variant="outlined" label="test" />}
                </Box>
              </TableCell>
              <TableCell>
                <OrderStateChip state={o.state} />
              </TableCell>
              <TableCell>
                <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
                  {dateTimeWords(o.createdAt)}
                </Typography>
              </TableCell>
              <TableCell>
                <Typography variant="body2">{o.result ? expiryWords(o.result.notAfter, now) : '—'}</Typography>
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                {actionsFor(o).map((a) => (
                  <Button key={a} size="small" color={a === 'revoke' || a === 'remove' || a === 'cancel' ? 'error' : 'primary'} disabled={busy && a !== 'open'} onClick={() => onAction(o, a)} aria-label={`${ACTION_LABEL[a].replace('…', '')} the order for ${namesWords(o.domains)}`}>
                    {ACTION_LABEL[a]}
                  </Button>
                ))}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
