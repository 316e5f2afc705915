/** Other paths the builder found (cross-signs), folded away: each as a one-line picture with why it was or was not chosen. */
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { ChainPathDto } from '../../../main/api/dto';

export function Alternatives({ paths }: { paths: ChainPathDto[] }) {
  if (paths.length <= 1) return null;
  return (
    <Accordion disableGutters variant="outlined" sx={{ borderRadius: 2, '&:before': { display: 'none' } }}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="chain-alternatives" id="chain-alternatives-head">
        <Typography variant="subtitle2">Paths found: {paths.length}</Typography>
        <Typography variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          the chosen one and the others (cross-signed roots give several)
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="chain-alternatives">
        <Box component="ol" aria-label="Candidate paths" sx={{ m: 0, pl: 3, display: 'grid', gap: 1 }}>
          {paths.map((p, i) => (
            <Box component="li" key={p.certs.join('/') + i} data-testid="chain-path" data-chosen={p.chosen || undefined}>
              <Box sx={{ display: 'flex', gap: 0.75, alignItems: 'center', flexWrap: 'wrap' }}>
                {p.chosen && <Chip label="Chosen" color="primary" />}
                <Chip label={p.valid ? 'Valid' : 'Not valid'} color={p.valid ? 'success' : 'error'} variant="outlined" />
                <Typography variant="body2" sx={{ fontWeight: 600 }}>
                  {p.names.join(' → ')}
                </Typography>
              </Box>
              <Typography variant="body2" color="text.secondary">
                {p.summary}
              </Typography>
            </Box>
          ))}
        </Box>
      </AccordionDetails>
    </Accordion>
  );
}
