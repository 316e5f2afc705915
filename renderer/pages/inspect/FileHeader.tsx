/**
 * The head of one open file in the list: name, format, protection, the file's chain verdict, notes, and its
 * problem or lock. Like an object row it is one focus stop; its buttons are reached with → and ←.
 */
import { memo } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import MoreIcon from '@mui/icons-material/MoreHoriz';
import FoldIcon from '@mui/icons-material/ExpandLess';
import UnfoldIcon from '@mui/icons-material/ExpandMore';
import LockIcon from '@mui/icons-material/LockOutlined';
import VerifiedIcon from '@mui/icons-material/VerifiedOutlined';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import type { ChainHintDto, DocumentDto } from '../../../main/api/dto';
import { VerdictLine } from './VerdictLine';
import { bytesWords, formatWords } from './words';

interface Props {
  doc: DocumentDto;
  chain: ChainHintDto | null;
  /** Objects shown / in the file, when a search or filter hides some. */
  shown: number;
  total: number;
  filtering: boolean;
  /** The user hid this file's objects (a big bundle folded away to reach the files after it). */
  folded: boolean;
  tabStop: boolean;
  onClose: (documentId: string) => void;
  onUnlock: (documentId: string) => void;
  onFold: (documentId: string) => void;
  /** The file's next steps (its "⋯" button, or a right-click), at a position on screen. */
  onMenu: (documentId: string, position: { left: number; top: number }) => void;
}

export const FileHeader = memo(function FileHeader({ doc, chain, shown, total, filtering, folded, tabStop, onClose, onUnlock, onFold, onMenu }: Props) {
  const format = formatWords(doc);
  const count = total === 0 ? null : filtering ? `${shown.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} shown` : total > 1 ? `${total.toLocaleString('en-US')} objects` : null;
  return (
    <Box
      tabIndex={tabStop ? 0 : -1}
      data-file-header={doc.id}
      data-row-focus
      aria-label={`${doc.name}${format ? `, ${format}` : ''}${count ? `, ${count}` : ''}`}
      onContextMenu={(e) => {
        if (doc.status === 'error') return;
        e.preventDefault();
        onMenu(doc.id, { left: e.clientX, top: e.clientY });
      }}
      sx={{ outlineOffset: -2, borderTopLeftRadius: 8, borderTopRightRadius: 8, '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' } }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 1, bgcolor: 'action.hover', borderTopLeftRadius: 8, borderTopRightRadius: 8 }}>
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
              {count ? ` · ${count}` : ''}
            </Typography>
          </Box>
        </Box>
        {total > 0 && (
          <Tooltip title={folded ? 'Show what is in this file' : 'Hide what is in this file'}>
            <IconButton aria-label={`${folded ? 'Show' : 'Hide'} the objects of ${doc.name}`} aria-expanded={!folded} tabIndex={-1} data-row-action onClick={() => onFold(doc.id)}>
              {folded ? <UnfoldIcon fontSize="small" /> : <FoldIcon fontSize="small" />}
            </IconButton>
          </Tooltip>
        )}
        {doc.status !== 'error' && (
          <Tooltip title="Next steps: convert, open as keystore">
            <IconButton
              aria-label={`Next steps for ${doc.name}`}
              aria-haspopup="menu"
              tabIndex={-1}
              data-row-action
              onClick={(e) => {
                const r = e.currentTarget.getBoundingClientRect();
                onMenu(doc.id, { left: r.left, top: r.bottom });
              }}
            >
              <MoreIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
        <Tooltip title="Close this file (Ctrl+W, or Delete here)">
          <IconButton aria-label={`Close ${doc.name}`} tabIndex={-1} data-row-action onClick={() => onClose(doc.id)}>
            <CloseIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
      {chain && <VerdictLine verdict={{ tone: chain.severity, text: chain.message }} testId="chain-hint" dense />}
      {doc.notes.length > 0 && (
        <Box component="ul" sx={{ m: 0, px: 4, py: 0.75, color: 'text.secondary', typography: 'caption' }}>
          {doc.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </Box>
      )}
      {doc.lock && (
        <Alert
          severity="info"
          icon={<LockIcon />}
          sx={{ m: 1 }}
          action={
            <Button tabIndex={-1} data-row-action onClick={() => onUnlock(doc.id)} sx={{ whiteSpace: 'nowrap' }}>
              Enter password
            </Button>
          }
        >
          {doc.status === 'locked' && doc.lock.reason === 'PASSWORD_REQUIRED' ? 'This file is protected by a password.' : doc.lock.message}
        </Alert>
      )}
      {doc.status === 'error' && doc.error && (
        <Alert severity="error" sx={{ m: 1 }} role="alert">
          <AlertTitle>{doc.error.message}</AlertTitle>
          {doc.error.hint}
        </Alert>
      )}
      {filtering && !folded && shown === 0 && total > 0 && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ px: 1.5, py: 0.75 }}>
          Nothing in this file matches.
        </Typography>
      )}
    </Box>
  );
});
