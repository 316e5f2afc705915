/** The folder files are written into: the web host's own, or one picked in the desktop app's folder dialog. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import FolderIcon from '@mui/icons-material/FolderOpenOutlined';
import { MONO_FONT } from '../theme';

export function FolderChoice({ folder, canPick, onPick }: { folder: string | null; canPick: boolean; onPick: () => void }) {
  return (
    <Box>
      <Typography variant="subtitle2">Folder</Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mt: 0.5 }}>
        <FolderIcon color="action" />
        <Typography data-testid="output-folder" sx={{ fontFamily: MONO_FONT, fontSize: 13, overflowWrap: 'anywhere', flex: 1 }}>
          {folder ?? 'No folder chosen yet'}
        </Typography>
        {canPick && (
          <Button variant={folder ? 'outlined' : 'contained'} onClick={onPick}>
            {folder ? 'Change folder…' : 'Choose folder…'}
          </Button>
        )}
      </Box>
      {!canPick && (
        <Typography variant="caption" color="text.secondary">
          In the browser Certbench writes into the output folder it was started with.
        </Typography>
      )}
    </Box>
  );
}
