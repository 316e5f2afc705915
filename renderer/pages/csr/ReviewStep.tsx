/**
 * Step 5, "Review": can it go out (status first), the lints with their rules, the subject line, the config
 * file and commands; after Create, the CSR (and certificate) PEM to copy.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningIcon from '@mui/icons-material/WarningAmber';
import type { CsrCheckDto, CsrCreatedDto, ErrorInfo } from '../../../main/api/dto';
import { CopyButton } from '../../components/CopyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MONO_FONT } from '../../theme';
import { CheckTabs, Code } from './CheckTabs';
import { LintList } from './LintList';
import { verdictOf } from './problems';
import type { StepId } from './steps';

interface Props {
  check: CsrCheckDto | null;
  checkError: ErrorInfo | null;
  selfSigned: boolean;
  onFix: (step: StepId) => void;
  /** What Create made, when it still matches the form. */
  created: CsrCreatedDto | null;
  /** Something was made, from an older form. */
  outdated: boolean;
  createError: ErrorInfo | null;
}

const VERDICT_ICONS = { success: CheckIcon, warning: WarningIcon, error: ErrorIcon, info: CheckIcon };

export function ReviewStep({ check, checkError, selfSigned, onFix, created, outdated, createError }: Props) {
  const verdict = created ? { tone: 'success' as const, text: created.certificatePem ? 'Self-signed certificate made' : 'CSR made: send it to your CA' } : verdictOf(check, selfSigned);
  const Icon = VERDICT_ICONS[verdict.tone];
  return (
    <Box sx={{ display: 'grid', gap: 2.5, maxWidth: 960 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Icon sx={{ color: verdict.tone === 'info' ? 'text.secondary' : `${verdict.tone}.main` }} />
        <Typography variant="h6" component="p" data-testid="review-verdict" data-tone={verdict.tone} sx={{ fontWeight: 700, color: verdict.tone === 'info' ? 'text.secondary' : `${verdict.tone}.main` }}>
          {verdict.text}
        </Typography>
      </Box>
      {checkError && <ErrorAlert error={checkError} title="The form could not be checked" />}
      {check && <LintList problems={check.problems} onFix={created ? undefined : onFix} />}
      {check && (
        <Box>
          <Typography variant="subtitle2">Subject</Typography>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <Typography data-testid="subject-line" sx={{ fontFamily: MONO_FONT, fontSize: 13.5, overflowWrap: 'anywhere' }}>
              {check.subjectLine || '(empty)'}
            </Typography>
            {check.subjectLine && <CopyButton text={check.subjectLine} what="the subject" />}
          </Box>
        </Box>
      )}
      {createError && (
        <ErrorAlert
          error={createError}
          severity={createError.code === 'CANCELLED' ? 'warning' : 'error'}
          title={createError.code === 'CANCELLED' ? 'Stopped: no key was made' : selfSigned ? 'The certificate could not be made' : 'The CSR could not be made'}
          testId="create-error"
        />
      )}
      {outdated && !created && <Alert severity="info">The form changed after the CSR was made: create it again to send what the form says now.</Alert>}
      {created && (
        <Box sx={{ display: 'grid', gap: 1 }}>
          <Typography variant="subtitle2">{created.certificatePem ? 'The certificate' : 'The CSR (PEM)'}</Typography>
          <Code text={created.certificatePem ?? created.csrPem} what={created.certificatePem ? 'the certificate' : 'the CSR'} testId="created-pem" />
          <Typography variant="body2" color="text.secondary">
            The private key stays in Certbench until you save it (next step), encrypted by default. It is open in Inspect as “{created.state.documents.find((d) => d.id === created.documentId)?.name ?? 'not saved'}”.
          </Typography>
        </Box>
      )}
      {check && <CheckTabs check={check} />}
    </Box>
  );
}
