/** One open file: header (name, format, protection, notes, close), then its objects or its problem. */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import LockIcon from '@mui/icons-material/LockOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import type { DocumentDto, ObjectDto } from '../../../main/api/dto';
import { ObjectRow } from './ObjectRow';
import { bytesWords, formatWords } from './words';

interface Props {
  doc: DocumentDto;
  all: Map<string, ObjectDto>;
  selectedId: string | null;
  current: boolean;
  onSelect: (id: string) => void;
  onClose: (documentId: string) => void;
  onUnlock: (documentId: string) => void;
  onFocusDocument: (documentId: string) => void;
}

export function DocumentCard({ doc, all, selectedId, current, onSelect, onClose, onUnlock, onFocusDocument }: Props) {
  const format = formatWords(doc);
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-label={doc.name}
      data-document-id={doc.id}
      data-status={doc.status}
      onFocusCapture={() => onFocusDocument(doc.id)}
      sx={{ overflow: 'hidden', flexShrink: 0, borderColor: current ? 'primary.main' : 'divider' }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 1, bgcolor: 'action.hover' }}>
        <FileIcon fontSize="small" color="action" />
        <Box sx={{ minWidth: 0, flex: 1 }}>
          <Typography variant="subtitle2" component="h2" noWrap title={doc.path ?? doc.name}>
            {doc.name}
          </Typography>
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 0.25, alignItems: 'center' }}>
            {format && <Chip label={format} color="primary" variant="filled" sx={{ fontWeight: 700 }} />}
            {doc.encrypted && <Chip icon={<LockIcon />} label={doc.status === 'locked' ? 'Password needed' : 'Encrypted'} variant="outlined" />}
            {doc.integrity === 'verified' && <Chip icon={<VerifiedIcon />} label="Integrity verified" color="success" variant="outlined" />}
            <Typography variant="caption" color="text.secondary">
              {bytesWords(doc.size)}
            </Typography>
          </Box>
        </Box>
        <Tooltip title="Close this file (Ctrl+W)">
          <IconButton aria-label={`Close ${doc.name}`} onClick={() => onClose(doc.id)}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
      {doc.notes.length > 0 && (
        <Box component="ul" sx={{ m: 0, px: 4, py: 0.75, color: 'text.secondary', typography: 'caption' }}>
          {doc.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </Box>
      )}
      {doc.lock && (
        <Alert severity="info" icon={<LockIcon />} sx={{ m: 1 }} action={<Button onClick={() => onUnlock(doc.id)} sx={{ whiteSpace: "nowrap" }}>Enter password</Button>}>
          {doc.status === 'locked' && doc.lock.reason === 'PASSWORD_REQUIRED' ? 'This file is protected by a password.' : doc.lock.message}
        </Alert>
      )}
      {doc.status === 'error' && doc.error && (
        <Alert severity="error" sx={{ m: 1 }} role="alert">
          <AlertTitle>{doc.error.message}</AlertTitle>
          {doc.error.hint}
        </Alert>
      )}
      {doc.objects.length > 0 && (
        <Box role="list" sx={{ p: 0.5, display: "flex", flexDirection: "column", gap: 0.25 }} aria-label={`Contents of ${doc.name}`}>
          {doc.objects.map((o) => (
            <ObjectRow key={o.id} object={o} all={all} selected={o.id === selectedId} onSelect={onSelect} />
          ))}
        </Box>
      )}
    </Paper>
  );
}
