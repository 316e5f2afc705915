/** Files written, each with what it holds; keys marked readable by you only. */
import Box from '@mui/material/Box';
import type { WrittenFileDto } from '../../../main/api/dto';
import { MONO_FONT } from '../../theme';
import { fileWords } from './words';

export function WrittenFiles({ files }: { files: WrittenFileDto[] }) {
  return (
    <Box component="ul" data-testid="acme-written" sx={{ m: 0, mt: 0.5, pl: 2.5 }}>
      {files.map((f) => (
        <li key={f.path} data-secret={String(f.secret)}>
          <Box component="span" sx={{ fontFamily: MONO_FONT, fontSize: 13, overflowWrap: 'anywhere' }}>
            {f.path}
          </Box>
          {' — '}
          {fileWords(f)}
        </li>
      ))}
    </Box>
  );
}
