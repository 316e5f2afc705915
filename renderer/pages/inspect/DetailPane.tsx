/** Right side: the verdict for the selected object, then Summary / Extensions / PEM / Fingerprints. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { ExtensionDto, ObjectDto } from '../../../main/api/dto';
import type { ChainVerdictDto } from '../../../main/api/dto';
import { ChainVerdictLine } from './ChainVerdictLine';
import { ExtensionsTab } from './ExtensionsTab';
import { FingerprintsTab, type Fingerprint } from './FingerprintsTab';
import { KindIcon } from './KindIcon';
import { linksOf, type LinkContext } from './links';
import { MatchChips } from './MatchChips';
import type { NextStep } from './nextSteps';
import { NextStepsBar } from './NextStepsBar';
import { PemTab } from './PemTab';
import { ProblemsList } from './ProblemsList';
import { SummaryTab } from './SummaryTab';
import { VerdictLine } from './VerdictLine';
import type { ObjectSummaryDto as RowData } from '../../../main/api/dto';
import { keyVerdict, verdictOf, type OpenRows } from './verdict';
import { KIND_WORDS, objectLabel, problemWords } from './words';

type TabId = 'summary' | 'extensions' | 'pem' | 'fingerprints';

function extensionsOf(o: ObjectDto): ExtensionDto[] | null {
  return o.kind === 'certificate' || o.kind === 'csr' || o.kind === 'crl' || o.kind === 'ocspResponse' ? o.extensions : null;
}

/** Public PEM only: certificates, CSRs, CRLs, public keys, and the public half of a private key. */
function pemOf(o: ObjectDto): { pem: string; note?: string } | null {
  if (o.kind === 'certificate' || o.kind === 'csr' || o.kind === 'crl' || o.kind === 'ocspResponse' || o.kind === 'publicKey') return { pem: o.pem };
  if (o.kind === 'privateKey') return { pem: o.publicKeyPem, note: 'The public half of this key. The private key is never displayed.' };
  return null;
}

const SPKI_HELP = 'SHA-256 of the public key: the same for the key, its certificates and its CSRs.';

function fingerprintsOf(o: ObjectDto): Fingerprint[] | null {
  switch (o.kind) {
    case 'certificate':
    case 'csr':
      return [
        { name: 'SHA-256', hex: o.sha256, help: `SHA-256 of the whole ${o.kind === 'csr' ? 'request' : 'certificate'} (DER).` },
        { name: 'SHA-1', hex: o.sha1, help: 'Older tools (Windows certificate store "Thumbprint") show this one.' },
        { name: 'SPKI SHA-256', hex: o.spkiSha256, help: SPKI_HELP },
      ];
    case 'crl':
    case 'ocspResponse': {
      const what = o.kind === 'crl' ? 'CRL' : 'OCSP response';
      return [
        { name: 'SHA-256', hex: o.sha256, help: `SHA-256 of the whole ${what} (DER).` },
        { name: 'SHA-1', hex: o.sha1, help: `SHA-1 of the whole ${what} (DER).` },
      ];
    }
    case 'privateKey':
    case 'publicKey':
      return [{ name: 'SPKI SHA-256', hex: o.spkiSha256, help: SPKI_HELP }];
    default:
      return null;
  }
}

interface Props {
  object: ObjectDto;
  row: RowData | undefined;
  open: OpenRows;
  links: LinkContext;
  onJump: (id: string) => void;
  /** What the user can do with it next (save, export, add to a keystore). */
  steps: NextStep[];
  /** The chain doctor's verdict on the file this object is in, when it has one. */
  chainVerdict?: { verdict: ChainVerdictDto; fileName: string } | null;
}

export function DetailPane({ object, row, open, links, onJump, steps, chainVerdict = null }: Props) {
  const [tab, setTab] = useState<TabId>('summary');
  const extensions = extensionsOf(object);
  const pem = pemOf(object);
  const fingerprints = fingerprintsOf(object);
  const available: TabId[] = ['summary', ...(extensions ? (['extensions'] as const) : []), ...(pem ? (['pem'] as const) : []), ...(fingerprints ? (['fingerprints'] as const) : [])];
  const shown = available.includes(tab) ? tab : 'summary';
  const keyCheck = keyVerdict(row, open);

  return (
    <Box component="section" aria-label="Details" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Box sx={{ px: 3, pt: 2.5, pb: 1 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <KindIcon kind={object.kind} />
          <Typography variant="overline" color="text.secondary">
            {object.kind === 'unsupported' ? problemWords(object.error.code) : KIND_WORDS[object.kind]}
            {object.alias ? ` · alias “${object.alias}”` : ''}
            {object.location ? ` · ${object.location}` : ''}
          </Typography>
        </Box>
        <Typography variant="h5" component="h2" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
          {objectLabel(object)}
        </Typography>
        <VerdictLine verdict={verdictOf(object, row, open)} />
        {keyCheck && <VerdictLine verdict={keyCheck} testId="key-verdict" />}
        {chainVerdict && <ChainVerdictLine verdict={chainVerdict.verdict} fileName={chainVerdict.fileName} />}
        <ProblemsList problems={object.problems} />
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
          {row && <MatchChips links={linksOf(row, links)} onJump={onJump} />}
        </Box>
        <NextStepsBar steps={steps} />
      </Box>
      <Tabs value={shown} onChange={(_, v: TabId) => setTab(v)} sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }} aria-label="Detail views">
        <Tab value="summary" label="Summary" />
        {extensions && <Tab value="extensions" label={`Extensions (${extensions.length})`} />}
        {pem && <Tab value="pem" label="PEM" />}
        {fingerprints && <Tab value="fingerprints" label="Fingerprints" />}
      </Tabs>
      <Box role="tabpanel" aria-label={shown} sx={{ flex: 1, overflow: 'auto', px: 3, py: 2 }}>
        {shown === 'summary' && <SummaryTab object={object} keyMismatch={keyCheck !== null} />}
        {shown === 'extensions' && extensions && <ExtensionsTab extensions={extensions} />}
        {shown === 'pem' && pem && <PemTab pem={pem.pem} note={pem.note} />}
        {shown === 'fingerprints' && fingerprints && <FingerprintsTab items={fingerprints} />}
      </Box>
    </Box>
  );
}
