/** The selected entry: what it is, then its chain leaf → root with the expiry of every certificate. */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ArrowDownIcon from '@mui/icons-material/SouthOutlined';
import type { KeystoreCertDto, KeystoreEntryDto, KeystoreKind } from '../../../main/api/dto';
import { CopyButton } from '../../components/CopyButton';
import { formatDate } from '../inspect/words';
import { ProblemsList } from '../inspect/ProblemsList';
import { CertExpiryChip } from './CertExpiryChip';
import { EntryTypeIcon } from './EntryTypeIcon';
import { chainRole, cnOf, ENTRY_TYPE_WORDS } from './words';

interface Props {
  entry: KeystoreEntryDto;
  kind: KeystoreKind;
  onUnlock: () => void;
}

function protectionWords(entry: KeystoreEntryDto, kind: KeystoreKind): string | null {
  if (entry.type === 'trustedCert') return null;
  if (entry.locked) return 'Protected by its own password, not yet entered: unlock it to save, convert or move this key.';
  if (entry.ownKeyPassword) return 'Protected by its own password (different from the store password).';
  return kind === 'pkcs12' ? 'Protected by the store password.' : 'Protected by the store password (the key password is the same).';
}

export function EntryDetails({ entry, kind, onUnlock }: Props) {
  const chain = entry.type === 'privateKey' ? entry.chain : entry.certificate ? [entry.certificate] : [];
  const protection = protectionWords(entry, kind);
  return (
    <Box component="section" aria-label="Entry details" sx={{ p: 2, display: 'grid', gap: 1.5, alignContent: 'start' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <EntryTypeIcon type={entry.type} />
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, overflowWrap: 'anywhere' }}>
          {entry.alias}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {[ENTRY_TYPE_WORDS[entry.type], entry.keyAlgorithm, entry.created ? `created ${formatDate(entry.created)}` : null].filter(Boolean).join(' · ')}
      </Typography>
      {protection && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
          <Typography variant="body2" sx={{ flex: 1 }}>
            {protection}
          </Typography>
          {entry.locked && (
            <Button variant="outlined" onClick={onUnlock}>
              Unlock
            </Button>
          )}
        </Box>
      )}
      <ProblemsList problems={entry.problems} />
      {chain.length > 0 && (
        <Box>
          <Typography variant="overline" color="text.secondary">
            {entry.type === 'privateKey' ? `Chain, ${chain.length} certificate${chain.length === 1 ? '' : 's'} (leaf first)` : 'Certificate'}
          </Typography>
          <Box component="ol" aria-label="Chain" sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.5 }}>
            {chain.map((cert, i) => (
              <ChainNode key={`${cert.sha256}-${i}`} cert={cert} role={chainRole(chain, i)} last={i === chain.length - 1} />
            ))}
          </Box>
        </Box>
      )}
      {entry.type === 'secretKey' && (
        <Typography variant="body2" color="text.secondary">
          A secret key holds no certificate. JKS and PKCS#12 files cannot carry it; JCEKS can.
        </Typography>
      )}
    </Box>
  );
}

function ChainNode({ cert, role, last }: { cert: KeystoreCertDto; role: string; last: boolean }) {
  return (
    <Box component="li" data-testid="chain-node">
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, display: 'grid', gap: 0.5 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap title={cert.subject}>
          {cnOf(cert.subject)}
        </Typography>
        <Typography variant="caption" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {role}
          {cert.selfSigned ? ' · self-signed' : ` · issued by ${cnOf(cert.issuer)}`}
        </Typography>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, flexWrap: 'wrap' }}>
          <CertExpiryChip cert={cert} />
          <Typography variant="caption" sx={{ fontFamily: 'monospace', color: 'text.secondary', ml: 'auto' }} noWrap title="SHA-256 fingerprint">
            {cert.sha256.slice(0, 12)}…
          </Typography>
          <CopyButton text={cert.sha256} what="SHA-256 fingerprint" />
        </Box>
      </Box>
      {!last && <ArrowDownIcon fontSize="small" sx={{ display: 'block', mx: 'auto', color: 'text.disabled' }} aria-hidden />}
    </Box>
  );
}
