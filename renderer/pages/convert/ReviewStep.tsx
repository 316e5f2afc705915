/** Step 5, "Review": exactly what will be written, where, in which order, and what is left out. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import LockIcon from '@mui/icons-material/LockOutlined';
import type { ConvertOptionsDto, ConvertPreviewDto } from '../../../main/api/dto';
import { MONO_FONT } from '../../theme';
import { VerdictLine } from '../inspect/VerdictLine';
import { FoundSummary } from './FoundSummary';
import { PROFILE_WORDS, targetName } from './targets';
import type { FileNames } from './useConvertWizard';
import { countWords } from './words';

interface Props {
  preview: ConvertPreviewDto;
  folder: string | null;
  names: FileNames;
  options: ConvertOptionsDto;
  /** A password protects the output (keystore, or the key). */
  protectedBy: string | null;
}

export function ReviewStep({ preview, folder, names, options, protectedBy }: Props) {
  const files = preview.files;
  return (
    <Box sx={{ display: 'grid', gap: 2.5, maxWidth: 900 }}>
      <VerdictLine testId="review-verdict" verdict={{ tone: 'info', text: `${countWords(files.length, 'file')} will be written to ${folder ?? '…'}` }} />
      <Table aria-label="Files to write" data-testid="review-files">
        <TableHead>
          <TableRow>
            <TableCell>File</TableCell>
            <TableCell>Format</TableCell>
            <TableCell>Holds</TableCell>
            <TableCell>Protection</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {files.map((f) => {
            const encrypted = f.secret && !(options.noKeyEncryption === true && !['pfx', 'jks', 'jceks'].includes(f.format));
            return (
              <TableRow key={f.role} data-role={f.role}>
                <TableCell sx={{ fontFamily: MONO_FONT }}>{names[f.role] ?? f.name}</TableCell>
                <TableCell>
                  {targetName(f.format)}
                  {f.format === 'pfx' && ` · ${PROFILE_WORDS[options.profile ?? 'modern'].name}`}
                </TableCell>
                <TableCell>{f.describe}</TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                    {f.secret && <Chip icon={<LockIcon />} label="Owner only (0600)" variant="outlined" />}
                    {f.secret && (encrypted ? <Chip label={protectedBy ?? 'Encrypted'} color="success" variant="outlined" /> : <Chip label="Key NOT encrypted" color="warning" />)}
                  </Box>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <FoundSummary preview={preview} />
      <Typography variant="caption" color="text.secondary">
        Written all at once: if anything fails, no file is left half-written.
      </Typography>
    </Box>
  );
}
