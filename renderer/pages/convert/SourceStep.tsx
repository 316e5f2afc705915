/** Step 1, "What do you have?": drop or open files, or tick what is open in Inspect; then what was found. */
import { useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import CloudIcon from '@mui/icons-material/CloudUploadOutlined';
import UploadIcon from '@mui/icons-material/FileOpenOutlined';
import type { ConvertPreviewDto, DocumentDto, ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DocumentChoice } from './DocumentChoice';
import { FoundSummary } from './FoundSummary';
import { isEmpty, type Selection } from './selection';
import { HiddenFileInput } from '../../components/HiddenFileInput';

interface Props {
  documents: DocumentDto[];
  selection: Selection;
  onSelection: (next: Selection) => void;
  onFiles: (files: File[]) => void;
  onUnlock: (documentId: string) => void;
  opening: boolean;
  found: ConvertPreviewDto | null;
  foundError: ErrorInfo | null;
  loading: boolean;
  /** The name of a chosen file that is still locked. */
  locked: string | null;
}

export function SourceStep({ documents, selection, onSelection, onFiles, onUnlock, opening, found, foundError, loading, locked }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(320px, 1fr) minmax(320px, 1fr)' }, gap: 3, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <HiddenFileInput inputRef={input} testId="convert-file-input" multiple onFiles={onFiles} />
        <Box
          data-testid="convert-drop-zone"
          sx={{ border: 2, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 3, p: 3, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1, textAlign: 'center' }}
        >
          <CloudIcon sx={{ fontSize: 40, color: 'primary.main', opacity: 0.8 }} />
          <Typography sx={{ fontWeight: 700 }}>Drop the files to convert here</Typography>
          <Typography variant="body2" color="text.secondary">
            A .pfx, a PEM bundle, a key and its certificate, a JKS… or drop a file straight on what you need.
          </Typography>
          <Button variant="contained" startIcon={opening ? <CircularProgress size={14} color="inherit" /> : <UploadIcon />} onClick={() => input.current?.click()} disabled={opening}>
            Open files…
          </Button>
        </Box>
        {documents.length > 0 && (
          <Box sx={{ display: 'grid', gap: 1 }} role="group" aria-label="Open in Inspect">
            <Typography variant="overline" color="text.secondary">
              Or choose from what is open in Inspect
            </Typography>
            {documents.map((d) => (
              <DocumentChoice key={d.id} doc={d} selection={selection} onChange={onSelection} onUnlock={onUnlock} />
            ))}
          </Box>
        )}
      </Box>
      <Box component="section" aria-label="What was found" sx={{ minWidth: 0 }}>
        {locked ? (
          <Typography color="text.secondary">Enter the password of {locked} to see what is inside.</Typography>
        ) : isEmpty(selection) ? (
          <Typography color="text.secondary">Certbench shows here what it finds in the files you choose: certificates, the chain leaf → root, the private key.</Typography>
        ) : foundError ? (
          <ErrorAlert error={foundError} />
        ) : found ? (
          <FoundSummary preview={found} />
        ) : (
          <Typography color="text.secondary">{loading ? 'Looking inside…' : ''}</Typography>
        )}
      </Box>
    </Box>
  );
}
