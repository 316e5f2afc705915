/**
 * Step 4, "How to prove the names are yours": HTTP-01 answered by Certbench on a port (it must run on the host
 * the names point to), HTTP-01 by hand, or DNS-01 by hand (the only way for a wildcard, said here); advanced:
 * the DNS servers the live checks ask.
 */
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { dnsServersProblem, effectiveChallenge, portProblem, type AcmeForm, type ChallengeChoice } from './form';
import { domainsOf, wildcardsOf } from './names';
import { orderPlanWords } from './words';

interface Props {
  form: AcmeForm;
  onForm: (change: Partial<AcmeForm>) => void;
  /** The CA's name for the plan line ("Let's Encrypt (staging)", the directory's host). */
  caName: string;
}

const CHOICES: { id: ChallengeChoice; title: string; what: string; http: boolean }[] = [
  {
    id: 'http-serve',
    title: 'HTTP-01, answered by Certbench',
    what: 'The CA fetches http://NAME/.well-known/acme-challenge/… on port 80 of the address each name points to. Choose this when Certbench runs on that host (or port 80 is forwarded to the port below). Nothing else may listen on the port meanwhile.',
    http: true,
  },
  {
    id: 'http-manual',
    title: 'HTTP-01, I put a file on the web server',
    what: 'Certbench shows each file’s name, content and URL; you place them, Certbench checks the URLs answer, then you tell the CA.',
    http: true,
  },
  {
    id: 'dns-manual',
    title: 'DNS-01, I add a TXT record',
    what: 'Certbench shows each TXT record’s name and value; you add them at your DNS provider, Certbench looks them up, then you tell the CA. Works for wildcards and for hosts the CA cannot reach.',
    http: false,
  },
];

export function ChallengeStep({ form, onForm, caName }: Props) {
  const wildcards = wildcardsOf(domainsOf(form.names));
  const chosen = effectiveChallenge(form);
  const port = portProblem(form.httpPort);
  const servers = dnsServersProblem(form.dnsServers);
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 820 }}>
      {wildcards.length > 0 && (
        <Alert severity="info" data-testid="acme-dns-forced">
          {wildcards.join(', ')}: a wildcard can only be proven with a DNS record, so this order uses DNS-01.
        </Alert>
      )}
      <FormControl>
        <FormLabel id="acme-challenge">Challenge</FormLabel>
        <RadioGroup aria-labelledby="acme-challenge" value={chosen} onChange={(_, v) => onForm({ challenge: v as ChallengeChoice })}>
          {CHOICES.map((c) => (
            <FormControlLabel
              key={c.id}
              value={c.id}
              disabled={c.http && wildcards.length > 0}
              control={<Radio />}
              sx={{ alignItems: 'flex-start', mb: 1.5, '& .MuiRadio-root': { pt: 0.5 } }}
              label={
                <Box>
                  <Typography variant="body2" sx={{ fontWeight: 600 }}>
                    {c.title}
                  </Typography>
                  <Typography variant="caption" color="text.secondary" component="div">
                    {c.http && wildcards.length > 0 ? 'Not for wildcards.' : c.what}
                  </Typography>
                </Box>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>

      {chosen === 'http-serve' && (
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <TextField
            label="Port"
            value={form.httpPort}
            onChange={(e) => onForm({ httpPort: e.target.value })}
            error={port !== null}
            helperText={port ?? 'The CA always connects to port 80: another port works only behind a forward or proxy. Ports below 1024 need administrator rights on Linux and macOS.'}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            sx={{ width: 360 }}
          />
          <TextField
            label="Listen on address"
            placeholder="all addresses"
            value={form.httpAddress}
            onChange={(e) => onForm({ httpAddress: e.target.value })}
            helperText="Empty: every address of this machine."
            slotProps={{ inputLabel: { shrink: true } }}
            sx={{ width: 360 }}
          />
        </Box>
      )}

      <Accordion disableGutters variant="outlined" defaultExpanded={form.dnsServers !== ''}>
        <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="acme-advanced" id="acme-advanced-header">
          <Typography sx={{ fontWeight: 600 }}>Advanced: DNS servers for the checks</Typography>
        </AccordionSummary>
        <AccordionDetails id="acme-advanced">
          <TextField
            fullWidth
            label="DNS servers"
            placeholder="the system’s"
            value={form.dnsServers}
            onChange={(e) => onForm({ dnsServers: e.target.value })}
            error={servers !== null}
            helperText={servers ?? 'Addresses separated by commas (1.1.1.1, 127.0.0.1:8053). Your DNS provider’s own servers see a new TXT record before caches do.'}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </AccordionDetails>
      </Accordion>
      <Alert severity="info" icon={false} data-testid="acme-plan">
        {orderPlanWords({ caName, domains: domainsOf(form.names), key: 'csrObjectId' in form.key ? 'csr' : form.key.generate, challenge: chosen, httpPort: form.httpPort })}
      </Alert>
    </Box>
  );
}
