/**
 * The files side of a check: the certificates to check (files, or certificates sent from Inspect), the trust
 * files whose certificates are roots, and the system roots switch. Files open as documents (they show in
 * Inspect too); files already open can be added from a menu.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import FileIcon from '@mui/icons-material/InsertDriveFileOutlined';
import CertIcon from '@mui/icons-material/WorkspacePremiumOutlined';
import RootIcon from '@mui/icons-material/VerifiedUserOutlined';
import UploadIcon from '@mui/icons-material/FileOpenOutlined';
import type { DocumentDto, ObjectSummaryDto } from '../../../main/api/dto';
import type { ChainForm } from './form';

export type FileRole = 'input' | 'trust';

interface Props {
  documents: DocumentDto[];
  /** Open certificates by id, for the chips of single certificates. */
  objects: ReadonlyMap<string, ObjectSummaryDto>;
  form: ChainForm;
  onChange: (patch: Partial<ChainForm>) => void;
  onOpen: (role: FileRole) => void;
  opening: boolean;
}

function OpenDocumentMenu({ label, documents, onPick }: { label: string; documents: DocumentDto[]; onPick: (id: string) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (documents.length === 0) return null;
  return (
    <>
      <Button size="small" onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        {label}
      </Button>
      <Menu open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-label': label, dense: true } }}>
        {documents.map((d) => (
          <MenuItem
            key={d.id}
            onClick={() => {
              setAnchor(null);
              onPick(d.id);
            }}
          >
            {d.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

const hasCertificates = (d: DocumentDto) => d.status === 'ready' && d.objects.some((o) => o.kind === 'certificate');

export function FileLists({ documents, objects, form, onChange, onOpen, opening }: Props) {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const inputDocs = form.inputDocumentIds.map((id) => byId.get(id)).filter((d): d is DocumentDto => d !== undefined);
  const inputObjects = form.inputObjectIds.map((id) => objects.get(id)).filter((o): o is ObjectSummaryDto => o !== undefined);
  const trustDocs = form.trustDocumentIds.map((id) => byId.get(id)).filter((d): d is DocumentDto => d !== undefined);
  const candidates = documents.filter(hasCertificates);
  const without = (list: string[], id: string) => list.filter((x) => x !== id);

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
      <Box component="section" aria-label="Files to check" data-drop-card="input" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5, bgcolor: 'background.paper' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" sx={{ flex: 1 }}>
            Files to check
          </Typography>
          <OpenDocumentMenu label="Use an open file" documents={candidates.filter((d) => !form.inputDocumentIds.includes(d.id))} onPick={(id) => onChange({ inputDocumentIds: [...form.inputDocumentIds, id] })} />
          <Button size="small" variant="outlined" startIcon={<UploadIcon />} onClick={() => onOpen('input')} disabled={opening}>
            Open files to check…
          </Button>
        </Box>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mt: 1 }} data-testid="chain-input-files">
          {inputDocs.map((d) => (
            <Chip key={d.id} icon={<FileIcon />} label={d.name} onDelete={() => onChange({ inputDocumentIds: without(form.inputDocumentIds, d.id) })} />
          ))}
          {inputObjects.map((o) => (
            <Chip key={o.id} icon={<CertIcon />} label={o.label} onDelete={() => onChange({ inputObjectIds: without(form.inputObjectIds, o.id) })} />
          ))}
          {inputDocs.length + inputObjects.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              A leaf certificate with its chain (PEM, DER, P7B, PFX …): drop it on the page, or check a server instead.
            </Typography>
          )}
        </Box>
      </Box>
      <Box component="section" aria-label="Trust" data-drop-card="trust" sx={{ border: 1, borderColor: 'divider', borderRadius: 2, p: 1.5, bgcolor: 'background.paper' }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography variant="subtitle2" sx={{ flex: 1 }}>
            Trust
          </Typography>
          <OpenDocumentMenu label="Trust an open file" documents={candidates.filter((d) => !form.trustDocumentIds.includes(d.id))} onPick={(id) => onChange({ trustDocumentIds: [...form.trustDocumentIds, id] })} />
          <Button size="small" variant="outlined" startIcon={<UploadIcon />} onClick={() => onOpen('trust')} disabled={opening}>
            Add trust files…
          </Button>
        </Box>
        <FormControlLabel sx={{ mt: 0.5 }} control={<Switch checked={form.systemRoots} onChange={(e) => onChange({ systemRoots: e.target.checked })} />} label="Use system roots (Mozilla's, as shipped with Node)" />
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.75, mt: 0.5 }} data-testid="chain-trust-files">
          {trustDocs.map((d) => (
            <Chip key={d.id} icon={<RootIcon />} color="primary" variant="outlined" label={d.name} onDelete={() => onChange({ trustDocumentIds: without(form.trustDocumentIds, d.id) })} />
          ))}
          {trustDocs.length === 0 && (
            <Typography variant="body2" color="text.secondary">
              Your own roots (a company or test CA): their certificates count as trusted.
            </Typography>
          )}
        </Box>
      </Box>
    </Box>
  );
}
