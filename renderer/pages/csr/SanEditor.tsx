/**
 * The names rows: type + value, add and remove, and a box to paste many names at once. `dnsOnly` (the ACME
 * page: a CA validates host names) hides the type and takes every pasted name as a host name.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import type { SanDto, SanType } from '../../../main/api/dto';
import { fieldHelp, helpProps } from './FieldProblems';
import { addNames, parsePastedNames, SAN_TYPES } from './names';
import type { ProblemPlaces } from './problems';

interface Props {
  rows: SanDto[];
  onRows: (rows: SanDto[]) => void;
  places: ProblemPlaces;
  dnsOnly?: boolean;
}

export function SanEditor({ rows, onRows, places, dnsOnly = false }: Props) {
  const [paste, setPaste] = useState('');
  const set = (i: number, next: Partial<SanDto>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...next } : r)));
  const parsed = parsePastedNames(paste);
  const pasted = dnsOnly ? parsed.map((n) => ({ type: 'DNS' as const, value: n.value })).filter((n, i, all) => all.findIndex((m) => m.value.toLowerCase() === n.value.toLowerCase()) === i) : parsed;
  return (
    <Box sx={{ display: 'grid', gap: 1.5 }}>
      <Box component="ul" aria-label="Names" data-testid="san-rows" sx={{ listStyle: 'none', m: 0, p: 0, display: 'grid', gap: 1.5 }}>
        {rows.map((r, i) => {
          const example = SAN_TYPES.find((t) => t.type === r.type)!.example;
          const help = fieldHelp(places.get(`san:${i}`), '');
          return (
            <Box component="li" key={i} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }} data-san-type={r.type}>
              {!dnsOnly && (
                <TextField select size="small" label="Type" value={r.type} onChange={(e) => set(i, { type: e.target.value as SanType })} sx={{ width: 150 }} slotProps={{ htmlInput: { 'aria-label': `Type of name ${i + 1}` } }}>
                  {SAN_TYPES.map((t) => (
                    <MenuItem key={t.type} value={t.type}>
                      {t.label}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              <TextField
                size="small"
                label={dnsOnly ? `Host name ${i + 1}` : `Name ${i + 1}`}
                placeholder={example}
                value={r.value}
                onChange={(e) => set(i, { value: e.target.value })}
                sx={{ flex: 1 }}
                {...helpProps(help)}
                slotProps={{ ...helpProps(help).slotProps, inputLabel: { shrink: true } }}
              />
              <IconButton aria-label={`Remove name ${i + 1}`} onClick={() => onRows(rows.filter((_, j) => j !== i))} sx={{ mt: 0.25 }}>
                <DeleteIcon />
              </IconButton>
            </Box>
          );
        })}
      </Box>
      <Box>
        <Button startIcon={<AddIcon />} onClick={() => onRows([...rows, { type: dnsOnly ? 'DNS' : (rows.at(-1)?.type ?? 'DNS'), value: '' }])}>
          Add a name
        </Button>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label="Paste several names at once"
          placeholder={dnsOnly ? 'www.example.com, example.com, *.example.com' : 'www.example.com, example.com, 192.0.2.10'}
          helperText={dnsOnly ? 'Separated by spaces, commas or new lines.' : 'Separated by spaces, commas or new lines; the type is guessed (DNS:, IP: prefixes work too).'}
          multiline
          minRows={1}
          maxRows={6}
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          sx={{ flex: 1 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <Button
          variant="outlined"
          disabled={pasted.length === 0}
          onClick={() => {
            onRows(addNames(rows, pasted));
            setPaste('');
          }}
          sx={{ mt: 0.25 }}
        >
          Add {pasted.length > 1 ? `${pasted.length} names` : 'name'}
        </Button>
      </Box>
    </Box>
  );
}
