/** No keystore open: what this page is for and the three ways to start. */
import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import KeystoreIcon from '@mui/icons-material/Inventory2Outlined';

export function EmptyState({ actions }: { actions: ReactNode }) {
  return (
    <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 4 }}>
      <Box sx={{ maxWidth: 620, textAlign: 'center', display: 'grid', gap: 2, justifyItems: 'center' }}>
        <KeystoreIcon sx={{ fontSize: 56, color: 'text.disabled' }} />
        <Typography variant="h6" component="p">
          Open a .jks, .jceks or .p12 — or start a new keystore or truststore
        </Typography>
        <Typography variant="body2" color="text.secondary">
          See every entry with its expiry, add trusted certificates, import a key pair or the CA's reply to your certificate request, rename and delete entries, unlock keys that have a password of their own, and save as JKS, JCEKS or PKCS#12 with a new password.
        </Typography>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'center' }}>{actions}</Box>
        <Typography variant="caption" color="text.secondary">
          Everything stays in this window until you save: the file you opened is not changed.
        </Typography>
      </Box>
    </Box>
  );
}
