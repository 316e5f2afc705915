/** Step 4, "Where to save": the folder (the web host's, or one picked in the desktop app) and the file names. */
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { PlannedFileDto } from '../../../main/api/dto';
import { FolderChoice } from '../../components/FolderChoice';
import { MONO_FONT } from '../../theme';
import type { FileNames } from './useConvertWizard';

interface Props {
  folder: string | null;
  canPick: boolean;
  onPick: () => void;
  files: PlannedFileDto[] | null;
  names: FileNames;
  onName: (role: PlannedFileDto['role'], name: string) => void;
  /** certbot's names are what nginx and Apache configurations expect: not renamed here. */
  fixedNames: boolean;
}

export function DestinationStep({ folder, canPick, onPick, files, names, onName, fixedNames }: Props) {
  return (
    <Box sx={{ display: 'grid', gap: 2.5, maxWidth: 720 }}>
      <FolderChoice folder={folder} canPick={canPick} onPick={onPick} />
      <Box sx={{ display: 'grid', gap: 1.5 }}>
        <Typography variant="subtitle2">{files && files.length === 1 ? 'File name' : 'File names'}</Typography>
        {!files && <Typography color="text.secondary">Working out the files…</Typography>}
        {files?.map((f) => (
          <TextField
            key={f.role}
            label={f.describe}
            value={names[f.role] ?? f.name}
            disabled={fixedNames}
            onChange={(e) => onName(f.role, e.target.value)}
            helperText={fixedNames ? 'The name certbot gives it, which server configurations expect.' : f.secret ? 'Holds the private key: written readable by you only (0600).' : undefined}
            slotProps={{ htmlInput: { 'data-role': f.role, style: { fontFamily: MONO_FONT } } }}
          />
        ))}
      </Box>
    </Box>
  );
}
