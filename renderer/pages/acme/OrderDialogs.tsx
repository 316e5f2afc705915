/** The questions before what cannot be undone: revoke (with the reason), cancel, remove. */
import { useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import type { AcmeOrderDto } from '../../../main/api/dto';
import { ConfirmDialog } from '../keystores/ConfirmDialog';
import { REVOKE_REASONS } from './orders';
import { namesWords } from './words';

export type Question = { kind: 'revoke' | 'cancel' | 'remove'; order: AcmeOrderDto };

interface Props {
  question: Question;
  busy: boolean;
  onRevoke: (order: AcmeOrderDto, reason: 0 | 1 | 3 | 4 | 5) => void;
  onCancel: (order: AcmeOrderDto) => void;
  onRemove: (order: AcmeOrderDto) => void;
  onClose: () => void;
}

export function OrderDialogs({ question, busy, onRevoke, onCancel, onRemove, onClose }: Props) {
  const [reason, setReason] = useState<0 | 1 | 3 | 4 | 5>(0);
  const { order } = question;
  const names = namesWords(order.domains);
  if (question.kind === 'revoke') {
    return (
      <ConfirmDialog title={`Revoke the certificate for ${names}?`} confirmLabel="Revoke" destructive busy={busy} onConfirm={() => onRevoke(order, reason)} onCancel={onClose}>
        The CA marks the certificate as revoked: browsers and clients that check revocation refuse it from then on. This cannot be undone; renew first if the server still needs a certificate.
        <TextField select fullWidth label="Why" value={reason} onChange={(e) => setReason(Number(e.target.value) as 0 | 1 | 3 | 4 | 5)} sx={{ mt: 2 }}>
          {REVOKE_REASONS.map((r) => (
            <MenuItem key={r.code} value={r.code}>
              {r.label}
            </MenuItem>
          ))}
        </TextField>
      </ConfirmDialog>
    );
  }
  if (question.kind === 'cancel') {
    return (
      <ConfirmDialog title={`Cancel the order for ${names}?`} confirmLabel="Cancel the order" destructive busy={busy} onConfirm={() => onCancel(order)} onCancel={onClose}>
        Certbench stops the order and tells the CA to drop its pending authorizations. Start a new order to try again.
      </ConfirmDialog>
    );
  }
  const unsaved = order.state === 'issued' && (order.result?.written.length ?? 0) === 0;
  return (
    <ConfirmDialog title={`Remove the order for ${names}?`} confirmLabel="Remove" destructive busy={busy} onConfirm={() => onRemove(order)} onCancel={onClose}>
      Certbench forgets the order and the keys it kept for it. Files you saved stay where they are.
      {unsaved ? ' This certificate was not saved anywhere yet: save the certbot set first, or its key is lost.' : ''}
    </ConfirmDialog>
  );
}
