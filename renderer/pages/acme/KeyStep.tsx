/**
 * Step 3, "Key": a new key made by Certbench (kept in main, written 0600 as privkey.pem), or a CSR open in
 * Inspect (its key stays wherever it was made, and no privkey.pem is written).
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { AcmeKeyChoiceDto } from '../../../main/api/dto';
import { KeyTypeRadios } from '../../components/KeyTypeRadios';
import { KEY_OPTIONS, type KeyOption } from '../csr/keys';
import { DEFAULT_KEY, type AcmeKeySpec } from './form';
import type { OpenCsr } from './openCsrs';

const ACME_KEYS = new Set<string>(['rsa:2048', 'rsa:3072', 'rsa:4096', 'ec:P-256', 'ec:P-384']);
const OPTIONS = KEY_OPTIONS.filter((k): k is KeyOption & { name: AcmeKeySpec } => ACME_KEYS.has(k.name));

export function KeyStep({ keyChoice, onKey, csrs }: { keyChoice: AcmeKeyChoiceDto; onKey: (key: AcmeKeyChoiceDto) => void; csrs: OpenCsr[] }) {
  const fromCsr = 'csrObjectId' in keyChoice;
  const spec: AcmeKeySpec = 'generate' in keyChoice ? keyChoice.generate : DEFAULT_KEY;
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 760 }}>
      <FormControl>
        <FormLabel id="acme-key-source">The key</FormLabel>
        <RadioGroup aria-labelledby="acme-key-source" value={fromCsr ? 'csr' : 'new'} onChange={(_, v) => onKey(v === 'csr' && csrs[0] ? { csrObjectId: csrs[0].objectId } : { generate: spec })}>
          <FormControlLabel value="new" control={<Radio />} label="A new key made by Certbench (saved as privkey.pem, readable by you only)" />
          <FormControlLabel value="csr" control={<Radio />} disabled={csrs.length === 0} label={csrs.length === 0 ? 'A CSR I already have (open it in Inspect first)' : 'A CSR I already have (open in Inspect)'} />
        </RadioGroup>
      </FormControl>
      {!fromCsr && <KeyTypeRadios id="acme-key-type" value={spec} options={OPTIONS} onChange={(name) => onKey({ generate: name })} suffix={(name) => (name === DEFAULT_KEY ? ' (certbot’s default)' : '')} />}
      {fromCsr && (
        <>
          <TextField select label="CSR" value={keyChoice.csrObjectId} onChange={(e) => onKey({ csrObjectId: e.target.value })} sx={{ maxWidth: 560 }}>
            {csrs.map((c) => (
              <MenuItem key={c.objectId} value={c.objectId}>
                {c.label} — {c.documentName}
              </MenuItem>
            ))}
          </TextField>
          <Alert severity="info">The CA issues for the names on the Names step; the CSR must carry the same names. Its key stays where you made it: no privkey.pem is written.</Alert>
        </>
      )}
    </Box>
  );
}
