/** Shown while files are held over the Keystores page: what dropping them will do here. */
import Typography from '@mui/material/Typography';
import { DropFrame } from '../../components/DropFrame';

export function KeystoreDropOverlay({ intoDialog }: { intoDialog: boolean }) {
  return (
    <DropFrame sx={{ display: 'grid', placeContent: 'center', textAlign: 'center', gap: 1 }}>
      <Typography variant="h4" color="primary" sx={{ fontWeight: 700 }}>
        {intoDialog ? 'Drop to list these files here' : 'Drop a keystore to edit it'}
      </Typography>
      <Typography color="text.secondary">{intoDialog ? 'Their certificates and keys can then be chosen in the dialog.' : '.jks, .jceks, .p12 or .pfx — or a PEM set with a key and its certificates.'}</Typography>
    </DropFrame>
  );
}
