/**
 * Step 2, "Who is this certificate for?": the usual subject fields in the conventional order, in words people
 * use, each with the lints about it underneath; fields an imported config added follow.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import type { SubjectAttributeDto } from '../../../main/api/dto';
import { fieldHelp, helpProps } from './FieldProblems';
import type { ProblemPlaces } from './problems';
import { extraRows, rowOf, setRow, SUBJECT_FIELDS } from './subject';

interface Props {
  subject: SubjectAttributeDto[];
  onSubject: (next: SubjectAttributeDto[]) => void;
  places: ProblemPlaces;
  /** server / platform: the CN is the name users type; client: the user id or email. */
  purpose: 'server' | 'client' | 'platform' | 'custom';
}

const CN_HINT = {
  server: 'The name users type in the address bar, such as shop.example.com (not the server’s own host name).',
  platform: 'Your custom domain: shop.example.com, or *.example.com for every name under it.',
  client: 'The API user id or email the service knows you by.',
  custom: 'A host name (shop.example.com), or for a client certificate the user id or email.',
};

export function SubjectStep({ subject, onSubject, places, purpose }: Props) {
  const extras = extraRows(subject);
  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: 640 }}>
      <Typography variant="body2" color="text.secondary">
        Leave a field empty to leave it out. The CA may check the organization; public CAs ignore the department.
      </Typography>
      {places.get('subject')?.map((p, i) => (
        <Alert key={i} severity={p.severity} data-testid="subject-problem">
          {p.message}
          {p.rule ? ` (${p.rule})` : ''}
        </Alert>
      ))}
      {SUBJECT_FIELDS.map((f) => {
        const row = rowOf(subject, f.type);
        const help = fieldHelp(places.get(`subject:${row}`), f.type === 'CN' ? CN_HINT[purpose] : f.helper);
        return (
          <TextField
            key={f.type}
            size="small"
            label={f.label}
            value={subject[row]?.value ?? ''}
            onChange={(e) => onSubject(setRow(subject, row, e.target.value))}
            required={f.type === 'CN'}
            {...helpProps(help)}
            slotProps={{ ...helpProps(help).slotProps, htmlInput: { 'data-rdn': f.type } }}
          />
        );
      })}
      {extras.length > 0 && (
        <Box sx={{ display: 'grid', gap: 1.5 }}>
          <Typography variant="subtitle2">More fields from the config file</Typography>
          {extras.map((row) => {
            const help = fieldHelp(places.get(`subject:${row}`));
            return (
              <Box key={row} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
                <TextField label={subject[row]!.type} value={subject[row]!.value} onChange={(e) => onSubject(setRow(subject, row, e.target.value))} sx={{ flex: 1 }} {...helpProps(help)} />
                <IconButton aria-label={`Remove ${subject[row]!.type}`} onClick={() => onSubject(subject.filter((_, i) => i !== row))} sx={{ mt: 1 }}>
                  <DeleteIcon />
                </IconButton>
              </Box>
            );
          })}
        </Box>
      )}
    </Box>
  );
}
