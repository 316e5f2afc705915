import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { NamePart, ObjectDto } from '../../../main/api/dto';
import { Field, Section } from './Field';
import { OcspSummary } from './OcspSummary';
import { ValidityBar } from './ValidityBar';
import { expiryTone } from './verdict';
import { colonHex, encodingWords, expiryWords, formatDate, keyWords, partWords, usageWords } from './words';

function NameSection({ title, parts, whole }: { title: string; parts: NamePart[]; whole: string }) {
  return (
    <Section title={title}>
      {parts.length === 0 && <Field label="Name" value={whole || '(empty)'} />}
      {/* Most specific first (CN, then OU, O ... C): the reverse of the encoded order. */}
      {[...parts].reverse().map((p, i) => (
        <Field key={`${p.oid}-${i}`} label={partWords(p)} value={p.value} />
      ))}
      {parts.length > 0 && <Field label="As text" value={<Typography variant="caption" sx={{ fontFamily: 'monospace' }}>{whole}</Typography>} copy={whole} />}
    </Section>
  );
}

function Chips({ items, empty }: { items: string[]; empty: string }) {
  if (items.length === 0) return <Typography variant="body2" color="text.secondary">{empty}</Typography>;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, py: 0.5 }}>
      {items.map((s) => (
        <Chip key={s} label={s} variant="outlined" />
      ))}
    </Box>
  );
}

/** `keyMismatch`: private keys are open, and none of them is this certificate's. */
export function SummaryTab({ object, keyMismatch = false }: { object: ObjectDto; keyMismatch?: boolean }) {
  switch (object.kind) {
    case 'certificate': {
      const c = object;
      return (
        <>
          <Section title="Validity">
            {c.notBefore && c.notAfter ? (
              <>
                <ValidityBar notBefore={c.notBefore} notAfter={c.notAfter} tone={expiryTone(c.daysLeft, c.validity)} />
                <Typography variant="body2" sx={{ mt: 0.5 }} data-testid="expiry-words">
                  {expiryWords(c)}
                </Typography>
              </>
            ) : (
              <Typography variant="body2" color="warning.main">
                The validity dates are encoded incorrectly (OpenSSL says “Bad time value”).
              </Typography>
            )}
          </Section>
          <NameSection title="Issued to (subject)" parts={c.subjectParts} whole={c.subject} />
          <NameSection title={c.selfSigned ? 'Issued by (itself: self-signed)' : 'Issued by (issuer)'} parts={c.issuerParts} whole={c.issuer} />
          <Section title="Names it is valid for (SANs)">
            <Chips items={c.san} empty={c.isCA ? 'None (a CA certificate does not need any)' : 'None. A TLS server certificate needs its host names here: browsers ignore the common name.'} />
          </Section>
          <Section title="Key and signature">
            <Field label="Public key" value={keyWords(c.keyAlgorithm, c.keySize, c.curve)} />
            <Field label="Signature" value={c.signatureAlgorithm} />
            <Field label="Private key" value={c.hasPrivateKey ? 'Open in Certbench' : keyMismatch ? 'The open private key does NOT match' : 'Not open'} />
          </Section>
          <Section title="What it may be used for">
            <Field label="Kind" value={c.isCA ? `Certificate authority${c.pathLen !== null ? ` (path length ${c.pathLen})` : ''}` : 'End entity'} />
            <Field label="Key usage" value={<Chips items={c.keyUsage.map(usageWords)} empty="Not restricted" />} />
            <Field label="Extended key usage" value={<Chips items={c.extendedKeyUsage.map(usageWords)} empty="Not restricted" />} />
          </Section>
          <Section title="Identity">
            <Field label="Serial number" value={colonHex(c.serial)} copy={c.serial} mono />
            <Field label="Version" value={`v${c.version}`} />
          </Section>
        </>
      );
    }
    case 'privateKey':
      return (
        <>
          <Section title="Key">
            <Field label="Algorithm" value={keyWords(object.keyAlgorithm, object.keySize, object.curve)} />
            <Field label="Stored as" value={encodingWords(object.encoding)} />
            <Field label="Protection" value={object.encrypted ? (object.protection ?? 'Encrypted') : 'Not encrypted'} />
          </Section>
          <Typography variant="body2" color="text.secondary">
            The private key stays inside Certbench and is never displayed; “Export key…” above writes it to a file, encrypted unless you choose otherwise.
          </Typography>
        </>
      );
    case 'publicKey':
      return (
        <Section title="Key">
          <Field label="Algorithm" value={keyWords(object.keyAlgorithm, object.keySize, object.curve)} />
        </Section>
      );
    case 'csr':
      return (
        <>
          <NameSection title="Requested for (subject)" parts={object.subjectParts} whole={object.subject} />
          <Section title="Names requested (SANs)">
            <Chips items={object.san} empty="None requested" />
          </Section>
          <Section title="Key and signature">
            <Field label="Public key" value={keyWords(object.keyAlgorithm, object.keySize, object.curve)} />
            <Field label="Signature" value={`${object.signatureAlgorithm} (${object.signatureValid ? 'valid' : 'does not verify'})`} />
            <Field label="Private key" value={object.hasPrivateKey ? 'Open in Certbench' : 'Not open'} />
          </Section>
          <Section title="Usage requested">
            <Field label="Key usage" value={<Chips items={object.keyUsage.map(usageWords)} empty="None" />} />
            <Field label="Extended key usage" value={<Chips items={object.extendedKeyUsage.map(usageWords)} empty="None" />} />
          </Section>
          {object.attributes.length > 0 && (
            <Section title="Attributes">
              {object.attributes.map((a) => (
                <Typography key={a} variant="body2">
                  {a}
                </Typography>
              ))}
            </Section>
          )}
        </>
      );
    case 'crl':
      return (
        <>
          <NameSection title="Published by (issuer)" parts={object.issuerParts} whole={object.issuer} />
          <Section title="Dates">
            <Field label="This update" value={object.thisUpdate ? formatDate(object.thisUpdate) : 'Encoded incorrectly'} />
            <Field label="Next update" value={object.nextUpdate ? formatDate(object.nextUpdate) : 'Not stated'} />
            {object.crlNumber && <Field label="CRL number" value={object.crlNumber} />}
          </Section>
          <Section title={`Revoked certificates (${object.revokedCount})`}>
            {object.revoked.map((r) => (
              <Field key={r.serial} label={formatDate(r.revocationDate)} value={`${colonHex(r.serial)}${r.reason ? ` (${r.reason})` : ''}`} mono />
            ))}
            {object.revokedCount > object.revoked.length && (
              <Typography variant="caption" color="text.secondary">
                and {object.revokedCount - object.revoked.length} more
              </Typography>
            )}
          </Section>
        </>
      );
    case 'ocspResponse':
      return <OcspSummary ocsp={object} />;
    case 'secretKey':
      return (
        <Section title="Key">
          <Field label="Algorithm" value={object.algorithm} />
          <Field label="Size" value={object.keySize ? `${object.keySize} bits` : 'Unknown'} />
        </Section>
      );
    case 'unsupported':
      return (
        <Section title="Why Certbench cannot show this">
          <Typography variant="body2">{object.error.message}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {object.error.hint}
          </Typography>
        </Section>
      );
  }
}

