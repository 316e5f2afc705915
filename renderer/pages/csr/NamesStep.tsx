/**
 * Step 3, "Which names must it cover?": the names (SAN), "add the common name as a name too", what the key
 * may be used for; the rest of the usages and the (discouraged) challenge password in a folded section.
 */
import { useState } from 'react';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { CsrProblemDto } from '../../../main/api/dto';
import { fieldHelp, helpProps } from './FieldProblems';
import { toggled, type CsrForm } from './form';
import type { ProblemPlaces } from './problems';
import { SanEditor } from './SanEditor';
import { valueOf } from './subject';
import { EXTENDED_USAGES, KEY_USAGES, otherUsages, parseOtherUsages } from './usages';

interface Props {
  form: CsrForm;
  onForm: (change: Partial<CsrForm>) => void;
  places: ProblemPlaces;
}

function Notes({ problems }: { problems: CsrProblemDto[] | undefined }) {
  if (!problems?.length) return null;
  return (
    <Box sx={{ display: 'grid', gap: 0.5 }}>
      {problems.map((p, i) => (
        <Alert key={i} severity={p.severity} sx={{ py: 0 }}>
          {p.message}
          {p.rule ? ` (${p.rule})` : ''}
        </Alert>
      ))}
    </Box>
  );
}

export function NamesStep({ form, onForm, places }: Props) {
  const cn = valueOf(form.subject, 'CN');
  const [otherText, setOtherText] = useState(otherUsages(form.extendedKeyUsage).join(', '));
  const advancedSet = form.challengePassword !== '' || form.keyUsageCritical || KEY_USAGES.some((u) => !u.usual && form.keyUsage.includes(u.name)) || otherUsages(form.extendedKeyUsage).length > 0;
  const [advanced, setAdvanced] = useState(advancedSet);
  const challenge = fieldHelp(places.get('challengePassword'), 'Sent in clear inside the CSR: use it only when your CA asks for one.');
  const setOther = (text: string) => {
    setOtherText(text);
    const known = form.extendedKeyUsage.filter((u) => EXTENDED_USAGES.some((e) => e.name === u));
    onForm({ extendedKeyUsage: [...known, ...parseOtherUsages(text).filter((u) => !known.includes(u))] });
  };
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 760 }}>
      <Box sx={{ display: 'grid', gap: 1 }}>
        <Typography variant="body2" color="text.secondary">
          Browsers only look at these names, never at the common name: list every name people and programs will use to reach it.
        </Typography>
        <Notes problems={places.get('san')} />
        <SanEditor rows={form.san} onRows={(san) => onForm({ san })} places={places} />
        <FormControlLabel
          control={<Switch checked={form.cnAsSan} onChange={(_, cnAsSan) => onForm({ cnAsSan })} />}
          label={cn ? `Add the common name as a name too (${cn})` : 'Add the common name as a name too'}
        />
        <Notes problems={places.get('cnAsSan')} />
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        <FormGroup aria-labelledby="eku-label">
          <FormLabel id="eku-label">It will be used as</FormLabel>
          {EXTENDED_USAGES.filter((u) => u.usual).map((u) => (
            <FormControlLabel key={u.name} control={<Checkbox checked={form.extendedKeyUsage.includes(u.name)} onChange={(_, on) => onForm({ extendedKeyUsage: toggled(form.extendedKeyUsage, u.name, on) })} />} label={u.label} />
          ))}
          <Notes problems={places.get('extendedKeyUsage')} />
        </FormGroup>
        <FormGroup aria-labelledby="ku-label">
          <FormLabel id="ku-label">The key may</FormLabel>
          {KEY_USAGES.filter((u) => u.usual).map((u) => (
            <FormControlLabel key={u.name} control={<Checkbox checked={form.keyUsage.includes(u.name)} onChange={(_, on) => onForm({ keyUsage: toggled(form.keyUsage, u.name, on) })} />} label={u.label} />
          ))}
          <Notes problems={places.get('keyUsage')} />
        </FormGroup>
      </Box>

      <Accordion expanded={advanced} onChange={(_, open) => setAdvanced(open)} disableGutters variant="outlined">
        <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="names-advanced" id="names-advanced-header">
          <Typography sx={{ fontWeight: 600 }}>Advanced: other usages, challenge password</Typography>
        </AccordionSummary>
        <AccordionDetails id="names-advanced" sx={{ display: 'grid', gap: 2 }}>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
            <FormGroup aria-label="More key usages">
              <FormLabel>More key usages</FormLabel>
              {KEY_USAGES.filter((u) => !u.usual).map((u) => (
                <FormControlLabel key={u.name} control={<Checkbox size="small" checked={form.keyUsage.includes(u.name)} onChange={(_, on) => onForm({ keyUsage: toggled(form.keyUsage, u.name, on) })} />} label={u.label} />
              ))}
              <FormControlLabel control={<Switch checked={form.keyUsageCritical} onChange={(_, keyUsageCritical) => onForm({ keyUsageCritical })} />} label="Mark key usage critical" />
            </FormGroup>
            <FormGroup aria-label="More extended key usages">
              <FormLabel>More uses</FormLabel>
              {EXTENDED_USAGES.filter((u) => !u.usual).map((u) => (
                <FormControlLabel key={u.name} control={<Checkbox size="small" checked={form.extendedKeyUsage.includes(u.name)} onChange={(_, on) => onForm({ extendedKeyUsage: toggled(form.extendedKeyUsage, u.name, on) })} />} label={u.label} />
              ))}
              <TextField size="small" label="Other uses (OIDs)" placeholder="1.3.6.1.5.5.7.3.17" value={otherText} onChange={(e) => setOther(e.target.value)} sx={{ mt: 1 }} />
            </FormGroup>
          </Box>
          <TextField
            label="Challenge password (discouraged)"
            type="password"
            autoComplete="off"
            value={form.challengePassword}
            onChange={(e) => onForm({ challengePassword: e.target.value })}
            sx={{ maxWidth: 420 }}
            {...helpProps(challenge)}
          />
        </AccordionDetails>
      </Accordion>
    </Box>
  );
}
