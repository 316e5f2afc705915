/** What was found in the chosen input (convert.preview): counts, the chain leaf → root, the key, what is left out. */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ConvertPreviewDto } from '../../../main/api/dto';
import { VerdictLine } from '../inspect/VerdictLine';
import { ChainList } from './ChainList';
import { countWords } from './words';

export function FoundSummary({ preview, showLeftOut = true }: { preview: ConvertPreviewDto; showLeftOut?: boolean }) {
  const { found, key } = preview;
  const nothing = found.certificates + found.privateKeys === 0;
  return (
    <Box data-testid="found-summary" sx={{ display: 'grid', gap: 1.25 }}>
      <VerdictLine
        testId="found-verdict"
        verdict={{
          tone: nothing ? 'warning' : 'success',
          text: nothing ? 'No certificate or private key in what you chose' : `Found ${countWords(found.certificates, 'certificate')}${found.privateKeys ? ` and ${countWords(found.privateKeys, 'private key')}` : ', no private key'}${found.other ? ` (and ${countWords(found.other, 'other object')})` : ''}`,
        }}
      />
      {preview.chain.length > 0 && (
        <Box>
          <Typography variant="overline" color="text.secondary">
            Chain, in the order it is written (leaf → root, by signature)
          </Typography>
          <ChainList chain={preview.chain} />
        </Box>
      )}
      {key && preview.found.certificates > 0 && (
        <Typography variant="body2" data-testid="found-key" color={key.matchesLeaf ? 'success.main' : 'warning.main'} sx={{ fontWeight: 600 }}>
          {key.matchesLeaf ? `The private key (${key.label}) belongs to the leaf certificate.` : `The private key (${key.label}) does NOT belong to the leaf certificate.`}
        </Typography>
      )}
      {showLeftOut && preview.leftOut.length > 0 && (
        <Alert severity="info" data-testid="left-out">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Left out
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {preview.leftOut.map((l) => (
              <li key={l.objectId}>
                {l.label}: {l.reason}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      {preview.warnings.map((w) => (
        <Alert key={w.code + w.message} severity={w.severity === 'info' ? 'info' : w.severity} data-testid="convert-warning">
          {w.message}
        </Alert>
      ))}
    </Box>
  );
}
