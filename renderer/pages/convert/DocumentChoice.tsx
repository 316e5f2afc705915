/** One open document as a choice: tick the whole file, or unfold it and tick single objects. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import ExpandLess from '@mui/icons-material/ExpandLess';
import ExpandMore from '@mui/icons-material/ExpandMore';
import LockIcon from '@mui/icons-material/LockOutlined';
import type { DocumentDto } from '../../../main/api/dto';
import { KindIcon } from '../inspect/KindIcon';
import { formatWords, KIND_WORDS } from '../inspect/words';
import { documentState, objectChosen, toggleDocument, toggleObject, type Selection } from './selection';

interface Props {
  doc: DocumentDto;
  selection: Selection;
  onChange: (next: Selection) => void;
  onUnlock: (documentId: string) => void;
}

/** Beyond this many objects a file is chosen whole here (single objects: Inspect's next steps). */
const LISTED_UP_TO = 200;

export function DocumentChoice({ doc, selection, onChange, onUnlock }: Props) {
  const state = documentState(selection, doc);
  const [open, setOpen] = useState(state === 'some');
  const format = formatWords(doc);
  const unusable = doc.status === 'error';
  const listable = doc.objects.length > 1 && doc.objects.length <= LISTED_UP_TO;
  return (
    <Box data-testid="document-choice" data-document-id={doc.id} sx={{ border: 1, borderColor: state === 'none' ? 'divider' : 'primary.main', borderRadius: 2, bgcolor: 'background.paper' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, pl: 1, pr: 1 }}>
        <FormControlLabel
          sx={{ flex: 1, minWidth: 0, mr: 0 }}
          disabled={unusable}
          control={<Checkbox checked={state === 'all'} indeterminate={state === 'some'} onChange={() => onChange(toggleDocument(selection, doc))} />}
          label={
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
                {doc.name}
              </Typography>
              {format && <Chip label={format} color="primary" variant="outlined" />}
              <Typography variant="caption" color="text.secondary" noWrap>
                {doc.status === 'locked' ? 'password needed' : unusable ? (doc.error?.message ?? 'could not be read') : `${doc.objects.length} object${doc.objects.length === 1 ? '' : 's'}`}
              </Typography>
            </Box>
          }
        />
        {doc.lock && (
          <Button startIcon={<LockIcon />} onClick={() => onUnlock(doc.id)}>
            Enter password
          </Button>
        )}
        {listable && (
          <IconButton aria-label={`${open ? 'Hide' : 'Choose from'} the objects of ${doc.name}`} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? <ExpandLess fontSize="small" /> : <ExpandMore fontSize="small" />}
          </IconButton>
        )}
      </Box>
      {open && listable && (
        <Box role="group" aria-label={`Objects of ${doc.name}`} sx={{ pl: 5, pb: 0.5, borderTop: 1, borderColor: 'divider' }}>
          {doc.objects.map((o) => (
            <FormControlLabel
              key={o.id}
              sx={{ display: 'flex', mr: 0 }}
              control={<Checkbox size="small" checked={objectChosen(selection, doc, o.id)} onChange={() => onChange(toggleObject(selection, doc, o.id))} />}
              label={
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <KindIcon kind={o.kind} />
                  <Typography variant="body2">{o.label}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {o.kind === 'certificate' ? (o.isCA ? (o.selfSigned ? 'Root CA' : 'Intermediate CA') : 'Certificate') : KIND_WORDS[o.kind]}
                  </Typography>
                </Box>
              }
            />
          ))}
        </Box>
      )}
    </Box>
  );
}
