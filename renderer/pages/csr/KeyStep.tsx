/**
 * Step 4, "Key": a new key (made in Certbench, never shown) or a private key already open; the signature hash
 * (advanced); and "make a self-signed certificate instead", with its days and whether it is a CA.
 */
import { useState } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { KeySpecName, SignatureHash } from '../../../main/api/dto';
import { fieldHelp, helpProps, type FieldHelp } from './FieldProblems';
import { DEFAULT_KEY, DEFAULT_SELF_SIGN, type CsrForm } from './form';
import { HASHES, KEY_OPTIONS, keyOption, type OpenKey } from './keys';
import { KeyTypeRadios } from '../../components/KeyTypeRadios';
import type { ProblemPlaces } from './problems';

interface Props {
  form: CsrForm;
  onForm: (change: Partial<CsrForm>) => void;
  places: ProblemPlaces;
  keys: OpenKey[];
}

/** Whole days, 1 to 100,000; the text may be empty or half-typed while the user edits it. */
function DaysField({ days, onDays, help }: { days: number; onDays: (days: number) => void; help: FieldHelp }) {
  const [text, setText] = useState(String(days));
  const valid = /^\d+$/.test(text) && Number(text) >= 1 && Number(text) <= 100_000;
  const shown = valid ? help : { error: true, helperText: 'Whole days, from 1 to 100,000.' };
  return (
    <TextField
      label="Valid for (days)"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        if (/^\d+$/.test(e.target.value) && Number(e.target.value) >= 1 && Number(e.target.value) <= 100_000) onDays(Number(e.target.value));
      }}
      sx={{ width: 260 }}
      slotProps={{ htmlInput: { inputMode: 'numeric' } }}
      error={shown.error}
      helperText={shown.helperText}
    />
  );
}

export function KeyStep({ form, onForm, places, keys }: Props) {
  const reuse = 'objectId' in form.key;
  const spec: KeySpecName = 'generate' in form.key ? form.key.generate : DEFAULT_KEY;
  const chosenKey = 'objectId' in form.key ? form.key.objectId : '';
  const keyHelp = fieldHelp(places.get('key'));
  const option = keyOption(spec);
  const selfSign = form.selfSign;
  const days = fieldHelp(places.get('days'), 'Public CAs allow at most 398 days; a lab certificate may last longer.');
  const ed25519 = !reuse && spec === 'ed25519';
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 760 }}>
      <FormControl>
        <FormLabel id="key-source">The key</FormLabel>
        <RadioGroup aria-labelledby="key-source" value={reuse ? 'reuse' : 'new'} onChange={(_, v) => onForm({ key: v === 'reuse' && keys[0] ? { objectId: keys[0].objectId } : { generate: spec } })}>
          <FormControlLabel value="new" control={<Radio />} label="Make a new key (recommended: it never leaves your machine unencrypted)" />
          <FormControlLabel value="reuse" control={<Radio />} disabled={keys.length === 0} label={keys.length === 0 ? 'Use a key I already have (open its file in Inspect first)' : 'Use a key I already have (open in Inspect)'} />
        </RadioGroup>
      </FormControl>

      {!reuse && <KeyTypeRadios id="key-type" value={spec} options={KEY_OPTIONS} onChange={(name) => onForm({ key: { generate: name } })} />}
      {reuse && (
        <TextField select label="Private key" value={chosenKey} onChange={(e) => onForm({ key: { objectId: e.target.value } })} sx={{ maxWidth: 520 }} {...helpProps(keyHelp)}>
          {keys.map((k) => (
            <MenuItem key={k.objectId} value={k.objectId}>
              {k.label} — {k.documentName}
            </MenuItem>
          ))}
        </TextField>
      )}
      {ed25519 && option.warning && (
        <Alert severity="warning" data-testid="ed25519-warning">
          {option.warning}
        </Alert>
      )}
      {!reuse && places.get('key')?.map((p, i) => (
        <Alert key={i} severity={p.severity}>
          {p.message}
          {p.rule ? ` (${p.rule})` : ''}
        </Alert>
      ))}

      <Box sx={{ display: 'grid', gap: 1 }}>
        <FormControlLabel control={<Switch checked={selfSign !== null} onChange={(_, on) => onForm({ selfSign: on ? { ...DEFAULT_SELF_SIGN } : null })} />} label="Make a self-signed certificate instead (for labs and internal services)" />
        {selfSign && (
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start', pl: 1 }}>
            <DaysField days={selfSign.days} onDays={(d) => onForm({ selfSign: { ...selfSign, days: d } })} help={days} />
            <FormControlLabel
              control={<Switch checked={selfSign.ca} onChange={(_, ca) => onForm({ selfSign: ca ? { ...selfSign, ca } : { days: selfSign.days, ca } })} />}
              label="It is a CA (it will sign other certificates)"
              sx={{ mt: 1 }}
            />
            {selfSign.ca && (
              <TextField
                label="Path length (empty: no limit)"
                type="number"
                value={selfSign.pathLength ?? ''}
                onChange={(e) => {
                  const { pathLength: _, ...rest } = selfSign;
                  onForm({ selfSign: e.target.value === '' ? rest : { ...rest, pathLength: Math.max(0, Math.min(100, Math.trunc(Number(e.target.value)))) } });
                }}
                sx={{ width: 220 }}
              />
            )}
          </Box>
        )}
      </Box>

      <Accordion disableGutters variant="outlined" defaultExpanded={form.signatureHash !== 'sha256'}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="key-advanced" id="key-advanced-header">
          <Typography sx={{ fontWeight: 600 }}>Advanced: signature hash</Typography>
        </AccordionSummary>
        <AccordionDetails id="key-advanced">
          <TextField
            select
            label="Signature hash"
            value={form.signatureHash}
            onChange={(e) => onForm({ signatureHash: e.target.value as SignatureHash })}
            disabled={ed25519}
            sx={{ minWidth: 360 }}
            {...helpProps(fieldHelp(places.get('signatureHash'), ed25519 ? 'Ed25519 signs without a separate hash.' : ''))}
          >
            {HASHES.map((h) => (
              <MenuItem key={h.hash} value={h.hash}>
                {h.label}
              </MenuItem>
            ))}
          </TextField>
        </AccordionDetails>
      </Accordion>
    </Box>
  );
}
