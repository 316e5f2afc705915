/**
 * "I got my certificate back": drop or open the CA's reply (PEM, DER or P7B), or pick it among the open
 * files; status first (whose key it belongs to, or why none), the chain leaf at the top with its problems,
 * then the exports, each opening Convert prefilled.
 */
import { useRef } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import CloudIcon from '@mui/icons-material/CloudUploadOutlined';
import UploadIcon from '@mui/icons-material/FileOpenOutlined';
import type { DocumentDto } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ChainList } from '../convert/ChainList';
import { ProblemsList } from '../inspect/ProblemsList';
import { REPLY_EXPORTS, replyErrorTitle, replyVerdict, type ReplyExport } from './reply';
import type { CaReplyModel } from './useCaReply';
import { HiddenFileInput } from '../../components/HiddenFileInput';

interface Props {
  model: CaReplyModel;
  documents: DocumentDto[];
  onFiles: (files: File[]) => void;
  opening: boolean;
  onExport: (exp: ReplyExport) => void;
}

/** Open files that could be a reply: certificates and no private key of their own. */
const replyCandidates = (documents: DocumentDto[]) => documents.filter((d) => d.status === 'ready' && d.objects.some((o) => o.kind === 'certificate') && !d.objects.some((o) => o.kind === 'privateKey'));

export function CaReplyView({ model, documents, onFiles, opening, onExport }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const { reply, error } = model;
  const names = model.documentIds.map((id) => documents.find((d) => d.id === id)?.name).filter(Boolean);
  const candidates = replyCandidates(documents);
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'minmax(300px, 2fr) minmax(360px, 3fr)' }, gap: 3, alignItems: 'start' }}>
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <HiddenFileInput inputRef={input} testId="reply-file-input" multiple onFiles={onFiles} />
        <Box data-testid="reply-drop-zone" sx={{ border: 2, borderStyle: 'dashed', borderColor: 'divider', borderRadius: 3, p: 3, display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 1, textAlign: 'center' }}>
          <CloudIcon sx={{ fontSize: 40, color: 'primary.main', opacity: 0.8 }} />
          <Typography sx={{ fontWeight: 700 }}>Drop the CA’s reply here</Typography>
          <Typography variant="body2" color="text.secondary">
            The certificate the CA sent for your CSR, with its chain if it came with one: .crt, .cer, .pem, .p7b.
          </Typography>
          <Button variant="contained" startIcon={opening ? <CircularProgress size={14} color="inherit" /> : <UploadIcon />} onClick={() => input.current?.click()} disabled={opening}>
            Open the reply…
          </Button>
        </Box>
        {candidates.length > 0 && (
          <Box sx={{ display: 'grid', gap: 0.5 }} role="group" aria-label="Open in Inspect">
            <Typography variant="overline" color="text.secondary">
              Or use a file already open
            </Typography>
            {candidates.map((d) => (
              <Button key={d.id} variant={model.documentIds.includes(d.id) ? 'contained' : 'outlined'} onClick={() => void model.check([d.id])} sx={{ justifyContent: 'flex-start' }}>
                {d.name}
              </Button>
            ))}
          </Box>
        )}
      </Box>
      <Box component="section" aria-label="The reply" sx={{ minWidth: 0, display: 'grid', gap: 2 }}>
        {model.checking && <Typography color="text.secondary">Looking for the key it belongs to…</Typography>}
        {!model.checking && !reply && !error && (
          <Typography color="text.secondary">Certbench checks that the certificate belongs to a key it holds (the one you made here, or a key file you opened), puts the chain in order and writes what your server needs.</Typography>
        )}
        {error && <ErrorAlert error={error} title={replyErrorTitle(error)} testId="reply-error" />}
        {reply && (
          <>
            <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
              <CheckIcon color="success" sx={{ mt: 0.25 }} />
              <Box>
                <Typography variant="h6" component="p" color="success.main" sx={{ fontWeight: 700, lineHeight: 1.3 }} data-testid="reply-verdict">
                  {replyVerdict(reply)}
                </Typography>
                {names.length > 0 && (
                  <Typography variant="caption" color="text.secondary">
                    From {names.join(', ')}
                  </Typography>
                )}
              </Box>
            </Box>
            <ChainList chain={reply.chain} />
            <ProblemsList problems={reply.problems} />
            <Box>
              <Typography variant="subtitle2" sx={{ mb: 1 }}>
                Write it for
              </Typography>
              <Box sx={{ display: 'grid', gap: 1 }} role="group" aria-label="Export">
                {REPLY_EXPORTS.map((exp) => (
                  <Box key={exp.id} sx={{ display: 'flex', gap: 1.5, alignItems: 'center' }}>
                    <Button variant="outlined" onClick={() => onExport(exp)} data-export={exp.id} sx={{ minWidth: 240, justifyContent: 'flex-start' }}>
                      {exp.label}…
                    </Button>
                    <Typography variant="body2" color="text.secondary">
                      {exp.what}
                    </Typography>
                  </Box>
                ))}
              </Box>
            </Box>
          </>
        )}
      </Box>
    </Box>
  );
}
