/**
 * What the CA issued, from the chains it offered (RFC 8555 7.4.2: the default one, then the alternates of
 * Link rel="alternate"): the chain picked by its top issuer's common name (certbot's --preferred-chain), split
 * into the leaf and the intermediates, with the leaf's facts for the order's result.
 */
import type { AcmeResultDto } from '../../api/dto';
import { PkiError } from '../../pki/errors';
import { parsePemBlocks } from '../../pki/formats/pem-blocks';
import { certificatesPem } from '../../pki/formats/pem-write';
import { parseCertificate } from '../../pki/x509/certificate';

interface OfferedChain {
  ders: Uint8Array[];
  /** The common name (or the whole name) of the issuer of the chain's last certificate. */
  topIssuer: string;
}

export interface PickedResult {
  result: AcmeResultDto;
  /** Said in the timeline when the preferred chain was not among those offered. */
  note: string | null;
}

export function resultFromChains(chainPems: readonly string[], preferredChain: string | null, hasKey: boolean): PickedResult {
  const offered = chainPems.map(readChain);
  if (offered.length === 0) throw new PkiError('ACME_REFUSED', 'The CA sent no certificate.', 'Download it again (resume the order), or ask the CA.');
  let pick = 0;
  let note: string | null = null;
  if (preferredChain) {
    const wanted = preferredChain.trim().toLowerCase();
    const found = offered.findIndex((c) => c.topIssuer.toLowerCase() === wanted);
    if (found >= 0) pick = found;
    else note = `No chain up to "${preferredChain}" was offered (${offered.map((c) => `"${c.topIssuer}"`).join(', ')}); kept the default chain.`;
  }
  const [leafDer, ...intermediates] = offered[pick].ders;
  const leaf = parseCertificate(leafDer);
  const certificatePem = certificatesPem([leafDer]);
  const chainPem = certificatesPem(intermediates);
  return {
    result: {
      certificatePem,
      chainPem,
      fullchainPem: certificatePem + chainPem,
      subject: leaf.subject,
      issuer: leaf.issuer,
      serial: leaf.serial,
      sha256: leaf.sha256,
      notBefore: leaf.notBefore ?? '',
      notAfter: leaf.notAfter ?? '',
      san: leaf.san,
      chains: offered.map((c) => c.topIssuer),
      written: [],
      hasKey,
    },
    note,
  };
}

function readChain(pem: string): OfferedChain {
  let ders: Uint8Array[];
  try {
    ders = parsePemBlocks(pem).filter((b) => b.label === 'CERTIFICATE').map((b) => b.der);
  } catch {
    ders = [];
  }
  if (ders.length === 0) throw new PkiError('ACME_REFUSED', 'The CA sent a certificate download with no PEM certificate in it.', 'Download it again (resume the order), or ask the CA.');
  const top = parseCertificate(ders[ders.length - 1]);
  const cn = top.issuerParts.find((p) => p.oid === '2.5.4.3')?.value;
  return { ders, topIssuer: cn ?? top.issuer };
}
