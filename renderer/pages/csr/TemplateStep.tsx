/**
 * Step 1, "What is it for?": a template card per purpose (built-in, then the user's own), an OpenSSL config
 * file to import (open or drop), and the way into "I got my certificate back".
 */
import { useRef } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import CheckIcon from '@mui/icons-material/CheckCircle';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import DnsIcon from '@mui/icons-material/DnsOutlined';
import BadgeIcon from '@mui/icons-material/BadgeOutlined';
import CloudIcon from '@mui/icons-material/CloudOutlined';
import TuneIcon from '@mui/icons-material/TuneOutlined';
import FileIcon from '@mui/icons-material/DescriptionOutlined';
import InboxIcon from '@mui/icons-material/MoveToInboxOutlined';
import type { CsrTemplateDto, ErrorInfo } from '../../../main/api/dto';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HiddenFileInput } from '../../components/HiddenFileInput';

const PURPOSE_ICONS = { server: DnsIcon, client: BadgeIcon, platform: CloudIcon, custom: TuneIcon };

interface Props {
  templates: CsrTemplateDto[] | null;
  templatesError: ErrorInfo | null;
  /** The form's origin: a template's name or the imported file's. */
  chosen: string | null;
  onTemplate: (t: CsrTemplateDto) => void;
  onDeleteTemplate: (t: CsrTemplateDto) => void;
  onConfigFile: (file: File) => void;
  importing: boolean;
  importWarnings: string[];
  importError: ErrorInfo | null;
  onCaReply: () => void;
}

function Card({ title, text, icon, selected, onClick, testId, children }: { title: string; text: string; icon: React.ReactNode; selected: boolean; onClick: () => void; testId?: string; children?: React.ReactNode }) {
  return (
    <Box sx={{ position: 'relative' }}>
      <ButtonBase
        aria-pressed={selected}
        aria-label={`${title}: ${text}`}
        data-testid={testId}
        onClick={onClick}
        sx={{
          width: '100%',
          height: '100%',
          display: 'flex',
          alignItems: 'flex-start',
          justifyContent: 'flex-start',
          textAlign: 'left',
          gap: 1.5,
          p: 1.5,
          pr: 5,
          minHeight: 96,
          borderRadius: 2,
          border: selected ? 2 : 1,
          borderColor: selected ? 'primary.main' : 'divider',
          bgcolor: 'background.paper',
          '&:hover': { borderColor: 'primary.main' },
        }}
      >
        <Box sx={{ color: 'primary.main', mt: 0.25 }}>{icon}</Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="subtitle2" sx={{ fontWeight: 700 }}>
            {title}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {text}
          </Typography>
        </Box>
        {selected && <CheckIcon fontSize="small" color="primary" sx={{ position: 'absolute', top: 10, right: 10 }} />}
      </ButtonBase>
      {children}
    </Box>
  );
}

export function TemplateStep({ templates, templatesError, chosen, onTemplate, onDeleteTemplate, onConfigFile, importing, importWarnings, importError, onCaReply }: Props) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 1040 }}>
      <Box component="section" aria-label="Templates" sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', gap: 1.5 }}>
        {templates === null && !templatesError && <Typography color="text.secondary">Loading the templates…</Typography>}
        {templates?.map((t) => {
          const Icon = PURPOSE_ICONS[t.purpose];
          return (
            <Card key={t.id} title={t.name} text={t.description || (t.builtIn ? '' : 'Your template')} icon={<Icon />} selected={chosen === t.name} onClick={() => onTemplate(t)} testId={`template-${t.id}`}>
              {!t.builtIn && (
                <Tooltip title={`Delete the template “${t.name}”`}>
                  <IconButton aria-label={`Delete the template ${t.name}`} size="small" onClick={() => onDeleteTemplate(t)} sx={{ position: 'absolute', bottom: 6, right: 6 }}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              )}
            </Card>
          );
        })}
      </Box>
      {templatesError && <ErrorAlert error={templatesError} title="The templates could not be loaded" />}

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 1.5 }}>
        <HiddenFileInput inputRef={input} testId="config-file-input" accept=".cnf,.conf,.cfg,.txt,.ini,text/plain" onFiles={([file]) => onConfigFile(file)} />
        <Card
          title={importing ? 'Reading the config file…' : 'Import an OpenSSL config file'}
          text="An openssl req config ([req], distinguished_name, alt_names …) fills the form. Open it, or drop it on this page."
          icon={<FileIcon />}
          selected={false}
          onClick={() => input.current?.click()}
          testId="import-config"
        />
        <Card title="I got my certificate back" text="Drop the CA's reply (PEM, DER or P7B): Certbench finds the key you made and writes a PFX, the PEM set or a Java keystore." icon={<InboxIcon />} selected={false} onClick={onCaReply} testId="ca-reply-entry" />
      </Box>
      {importError && <ErrorAlert error={importError} title="This config file cannot be used" testId="import-error" />}
      {importWarnings.length > 0 && (
        <Alert severity="warning" data-testid="import-warnings">
          <AlertTitle>Imported, with {importWarnings.length === 1 ? 'one thing' : `${importWarnings.length} things`} to know</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {importWarnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </Box>
        </Alert>
      )}
    </Box>
  );
}
