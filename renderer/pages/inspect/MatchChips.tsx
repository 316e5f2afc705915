/**
 * Key ↔ certificate ↔ CSR links, both ways; clicking one selects the other object. Certificates and CSRs get
 * a chip each (which one matters); copies of the same key are summed up in one chip.
 */
import Chip from '@mui/material/Chip';
import LinkIcon from '@mui/icons-material/Link';
import type { ObjectDto } from '../../../main/api/dto';
import { commonName, objectLabel } from './words';

interface Link {
  target: ObjectDto;
  label: string;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many.replace('N', String(n));
}

export function matchLinks(self: ObjectDto, all: Map<string, ObjectDto>): Link[] {
  const others = self.matchIds.map((id) => all.get(id)).filter((o): o is ObjectDto => o !== undefined);
  const links: Link[] = [];
  for (const o of others) {
    if (o.kind === 'certificate') {
      const cn = commonName(o.subjectParts, o.subject);
      const label = self.kind !== 'certificate' ? `Matches certificate ${cn}` : self.sha256 === o.sha256 ? 'Same certificate in another file' : `Same key as certificate ${cn}`;
      links.push({ target: o, label });
    } else if (o.kind === 'csr') links.push({ target: o, label: `Matches CSR ${commonName(o.subjectParts, o.subject)}` });
  }
  const keys = others.filter((o) => o.kind === 'privateKey');
  if (keys.length > 0) links.unshift({ target: keys[0]!, label: self.kind === 'privateKey' ? plural(keys.length, 'Same key in another file', 'Same key in N other files') : 'Key present' });
  const publics = others.filter((o) => o.kind === 'publicKey');
  if (publics.length > 0 && self.kind !== 'certificate' && self.kind !== 'csr') {
    links.push({ target: publics[0]!, label: self.kind === 'publicKey' ? plural(publics.length, 'Same public key in another file', 'Same public key in N other files') : plural(publics.length, 'Public key open', 'Public key open in N files') });
  }
  return links;
}

export function MatchChips({ object, all, onJump }: { object: ObjectDto; all: Map<string, ObjectDto>; onJump: (id: string) => void }) {
  return (
    <>
      {matchLinks(object, all).map(({ target, label }) => (
        <Chip
          key={`${target.id}-${label}`}
          icon={<LinkIcon />}
          color="primary"
          variant="outlined"
          label={label}
          onClick={(e) => {
            e.stopPropagation();
            onJump(target.id);
          }}
          aria-label={`${label}: show ${objectLabel(target)}`}
        />
      ))}
    </>
  );
}
