import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { useState } from 'react';

export function PemTab({ pem, note }: { pem: string; note?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
        <Button
          variant="outlined"
          startIcon={<ContentCopyIcon />}
          onClick={() => navigator.clipboard.writeText(pem).then(() => setCopied(true), () => setCopied(false))}
        >
          {copied ? 'Copied' : 'Copy PEM'}
        </Button>
        {note && (
          <Typography variant="caption" color="text.secondary">
            {note}
          </Typography>
        )}
      </Box>
      <Box
        component="pre"
        tabIndex={0}
        aria-label="PEM text"
        sx={{ m: 0, p: 1.5, borderRadius: 1, bgcolor: 'action.hover', fontFamily: 'monospace', fontSize: 12, lineHeight: 1.45, overflow: 'auto', maxHeight: 460, userSelect: 'text' }}
      >
        {pem.trim()}
      </Box>
    </Box>
  );
}
