/** The key types as a two-column radio list (label and a line on when to choose it): New CSR and Issue certificate. */
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';

export interface KeyTypeOption<N extends string> {
  name: N;
  label: string;
  note: string;
}

export function KeyTypeRadios<N extends string>({ id, value, options, onChange, suffix }: { id: string; value: N; options: readonly KeyTypeOption<N>[]; onChange: (name: N) => void; suffix?: (name: N) => string }) {
  return (
    <FormControl>
      <FormLabel id={id}>Key type</FormLabel>
      <RadioGroup aria-labelledby={id} value={value} onChange={(_, v) => onChange(v as N)} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' } }}>
        {options.map((k) => (
          <FormControlLabel
            key={k.name}
            value={k.name}
            control={<Radio />}
            sx={{ alignItems: 'flex-start', '& .MuiRadio-root': { pt: 0.5 } }}
            label={
              <Box>
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {k.label}
                  {suffix?.(k.name) ?? ''}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {k.note}
                </Typography>
              </Box>
            }
          />
        ))}
      </RadioGroup>
    </FormControl>
  );
}
