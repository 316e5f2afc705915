/**
 * "Save fixed chain": the PEM the server should send (leaf → intermediates, no root), its file name and the
 * output folder; once written, one click opens the file and checks it again.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SaveIcon from '@mui/icons-material/SaveAltOutlined';
import RecheckIcon from '@mui/icons-material/FactCheckOutlined';
import type { ChainReportDto, WrittenFileDto } from '../../../main/api/dto';
import { CopyButton } from '../../components/CopyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FolderChoice } from '../../components/FolderChoice';
import { MONO_FONT } from '../../theme';
import { baseName } from '../convert/words';
import { addedCerts } from './report';
import { cnOf } from './words';
import type { SaveFixedModel } from './useSaveFixed';

interface Props {
  report: ChainReportDto;
  fileName: string;
  onFileName: (name: string) => void;
  folder: string | null;
  canPick: boolean;
  onPick: () => void;
  save: SaveFixedModel;
  onSave: () => void;
  /** Opens the written file and checks it (as files, the same name checked). */
  onRecheck: (written: WrittenFileDto) => void;
  rechecking: boolean;
}

export function SaveFixedPanel({ report, fileName, onFileName, folder, canPick, onPick, save, onSave, onRecheck, rechecking }: Props) {
  const pem = report.fixedChainPem;
  if (!pem) return null;
  const added = addedCerts(report);
  const written = save.savedReportId === report.reportId ? save.written : null;
  const count = report.chain.filter((c) => c.role !== 'root').length;
  return (
    <Box component="section" aria-label="Fixed chain" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper', display: 'grid', gap: 1.5 }}>
      <Box>
        <Typography variant="h6" component="h3" sx={{ fontWeight: 700 }}>
          The chain the server should send
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {count === 1 ? 'The leaf alone' : `${count} certificates, leaf first, without the root`}
          {added.length ? `; it adds ${added.map((c) => cnOf(c.subject)).join(', ')}, which ${added.length === 1 ? 'was' : 'were'} missing` : ''}. Install it as the fullchain (see below).
        </Typography>
      </Box>
      <Box sx={{ position: 'relative' }}>
        <Box component="pre" aria-label="Fixed chain PEM" tabIndex={0} sx={{ m: 0, p: 1.5, pr: 6, maxHeight: 160, overflow: 'auto', fontFamily: MONO_FONT, fontSize: 11, bgcolor: 'action.hover', borderRadius: 1 }}>
          {pem}
        </Box>
        <Box sx={{ position: 'absolute', top: 4, right: 4 }}>
          <CopyButton text={pem} what="the fixed chain PEM" />
        </Box>
      </Box>
      <FolderChoice folder={folder} canPick={canPick} onPick={onPick} />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <TextField label="File name" value={fileName} onChange={(e) => onFileName(e.target.value)} sx={{ minWidth: 320 }} spellCheck={false} autoComplete="off" />
        <Button variant="contained" startIcon={<SaveIcon />} onClick={onSave} disabled={save.saving || !folder || fileName.trim() === ''} sx={{ mt: 0.75 }}>
          Save fixed chain
        </Button>
      </Box>
      {save.error && <ErrorAlert error={save.error} testId="save-fixed-error" />}
      {written && written[0] && (
        <Box data-testid="fixed-chain-written" sx={{ display: 'flex', gap: 1.5, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2" sx={{ color: 'success.main', fontWeight: 600 }}>
            Saved {baseName(written[0].path)}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: MONO_FONT, overflowWrap: 'anywhere' }} title={written[0].path}>
            {written[0].path}
          </Typography>
          <Button variant="contained" startIcon={<RecheckIcon />} onClick={() => onRecheck(written[0]!)} disabled={rechecking}>
            Check the saved chain
          </Button>
        </Box>
      )}
    </Box>
  );
}
