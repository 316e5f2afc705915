/** Summary of an OCSP response: what the responder said, who it is, when, and of which certificates. */
import Typography from '@mui/material/Typography';
import type { OcspResponseDto, OcspSingleResponseDto } from '../../../main/api/dto';
import { Field, Section } from './Field';
import { colonHex, formatDate, revokedWords } from './words';

function statusWords(r: OcspSingleResponseDto): string {
  if (r.status === 'good') return 'Good (not revoked)';
  if (r.status === 'unknown') return 'Unknown to the responder';
  return revokedWords(r);
}

export function OcspSummary({ ocsp }: { ocsp: OcspResponseDto }) {
  return (
    <>
      <Section title="Response">
        <Field label="Status" value={ocsp.responseStatus} />
        {ocsp.responderId && <Field label={ocsp.responderIdType === 'keyHash' ? 'Responder (key hash)' : 'Responder'} value={ocsp.responderIdType === 'keyHash' ? colonHex(ocsp.responderId) : ocsp.responderId} mono={ocsp.responderIdType === 'keyHash'} copy={ocsp.responderId} />}
        {ocsp.producedAt && <Field label="Produced" value={formatDate(ocsp.producedAt)} />}
        {ocsp.signatureAlgorithm && <Field label="Signature" value={ocsp.signatureAlgorithm} />}
        <Field label="Certificates carried" value={ocsp.certificateCount === 0 ? 'None' : `${ocsp.certificateCount} (listed with this file)`} />
      </Section>
      {ocsp.responses.map((r, i) => (
        <Section key={`${r.serial}-${i}`} title={`Certificate ${i + 1} of ${ocsp.responses.length}`}>
          <Field label="Status" value={<Typography variant="body2" component="span" sx={{ fontWeight: 700, color: r.status === 'good' ? 'success.main' : r.status === 'revoked' ? 'error.main' : 'warning.main' }}>{statusWords(r)}</Typography>} />
          <Field label="Serial number" value={colonHex(r.serial)} mono copy={r.serial} />
          <Field label="This update" value={r.thisUpdate ? formatDate(r.thisUpdate) : 'Encoded incorrectly'} />
          <Field label="Next update" value={r.nextUpdate ? formatDate(r.nextUpdate) : 'Not stated'} />
          <Field label={`Issuer name hash (${r.hashAlgorithm})`} value={colonHex(r.issuerNameHash)} mono />
          <Field label={`Issuer key hash (${r.hashAlgorithm})`} value={colonHex(r.issuerKeyHash)} mono />
        </Section>
      ))}
    </>
  );
}
