import Chip from '@mui/material/Chip';
import type { AcmeOrderState } from '../../../main/api/dto';
import { STATE_COLOR, STATE_LABEL } from './words';

export function OrderStateChip({ state }: { state: AcmeOrderState }) {
  const color = STATE_COLOR[state];
  return <Chip size="small" label={STATE_LABEL[state]} color={color} variant={color === 'default' ? 'outlined' : 'filled'} data-testid="acme-state" data-state={state} />;
}
