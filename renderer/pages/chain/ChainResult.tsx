/**
 * A report, status first: the verdict in colour; the chain as a picture beside the clicked card's details;
 * every problem with its fix; the fixed chain to save and how to install it; then the evidence (revocation,
 * TLS, what was served, the other paths, the downloads).
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ChainReportDto, WrittenFileDto } from '../../../main/api/dto';
import { VerdictLine } from '../inspect/VerdictLine';
import { Alternatives } from './Alternatives';
import { CertDetails } from './CertDetails';
import { ChainDiagram } from './ChainDiagram';
import { FetchLog } from './FetchLog';
import { ProblemItems } from './ProblemItems';
import { certCards, problemsWorstFirst } from './report';
import { RevocationPanel } from './RevocationPanel';
import { SaveFixedPanel } from './SaveFixedPanel';
import { ServedList } from './ServedList';
import { ServerFixes } from './ServerFixes';
import { TlsPanel } from './TlsPanel';
import type { SaveFixedModel } from './useSaveFixed';
import { cnOf, endpointWords } from './words';

interface Props {
  report: ChainReportDto;
  selected: number | null;
  onSelect: (index: number) => void;
  save: SaveFixedModel;
  fileName: string;
  onFileName: (name: string) => void;
  folder: string | null;
  canPick: boolean;
  onPick: () => void;
  onSave: () => void;
  onRecheck: (written: WrittenFileDto) => void;
  rechecking: boolean;
}

function subtitle(report: ChainReportDto): string {
  const what = report.tls ? `${endpointWords(report.tls.host, report.tls.port)}` : report.served.length === 1 ? '1 certificate from files' : `${report.served.length} certificates from files`;
  const name = report.hostName ? ` · name checked: ${report.hostName}` : ' · no name checked';
  return `${what}${name} · ${report.purpose === 'serverAuth' ? 'checked for a TLS server' : 'checked for a TLS client'} · at ${new Date(report.checkedAt).toUTCString()}`;
}

export function ChainResult(props: Props) {
  const { report, selected, onSelect } = props;
  const cards = certCards(report);
  const card = selected !== null ? cards[selected] : undefined;
  const problems = problemsWorstFirst(report.problems);
  const about = (p: { certIndex: number | null }) => (p.certIndex !== null && report.chain[p.certIndex] ? cnOf(report.chain[p.certIndex]!.subject) : null);
  return (
    <Box component="section" aria-label="Result" data-testid="chain-result" data-valid={report.valid} sx={{ display: 'grid', gap: 2 }}>
      <Box>
        <Box sx={{ '& [data-testid=chain-verdict] .MuiTypography-root': { fontSize: 20 } }}>
          <VerdictLine testId="chain-verdict" verdict={{ tone: report.verdict.severity, text: report.verdict.message }} />
        </Box>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.25 }}>
          {subtitle(report)}
        </Typography>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(340px, 460px) 1fr' }, gap: 2, alignItems: 'start' }}>
        <ChainDiagram report={report} selected={selected} onSelect={onSelect} />
        {card ? (
          <CertDetails card={card} />
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {report.chain.length ? 'Click a certificate to see its problems and details.' : 'No certificate to show.'}
          </Typography>
        )}
      </Box>
      {problems.length > 0 && (
        <Box component="section" aria-label="Problems and fixes" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 2, bgcolor: 'background.paper', display: 'grid', gap: 1 }}>
          <Typography variant="h6" component="h3" sx={{ fontWeight: 700 }}>
            Problems and fixes
          </Typography>
          <ProblemItems problems={problems} label="Problems" about={about} />
        </Box>
      )}
      <SaveFixedPanel report={report} fileName={props.fileName} onFileName={props.onFileName} folder={props.folder} canPick={props.canPick} onPick={props.onPick} save={props.save} onSave={props.onSave} onRecheck={props.onRecheck} rechecking={props.rechecking} />
      <ServerFixes fixes={report.fixes} />
      <RevocationPanel report={report} />
      {report.tls && <TlsPanel tls={report.tls} />}
      <ServedList report={report} />
      <Alternatives paths={report.alternatives} />
      <FetchLog fetched={report.fetched} />
    </Box>
  );
}
