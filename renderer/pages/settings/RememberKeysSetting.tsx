/** Settings > Keys: "Remember keys between sessions" (desktop only; off by default). */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import type { RememberKeysDto } from '../../../main/api/dto';
import { errorInfoOf } from '../../api/client';
import { useClient } from '../../api/context';

export function RememberKeysSetting() {
  const client = useClient();
  const [state, setState] = useState<RememberKeysDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    client.call('settings.rememberKeys', {}).then(setState, () => setState(null));
  }, [client]);

  const change = async (enabled: boolean) => {
    setBusy(true);
    setError(null);
    try {
      setState(await client.call('settings.setRememberKeys', { enabled }));
    } catch (e) {
      const info = errorInfoOf(e);
      setError(`${info.message} ${info.hint}`);
    } finally {
      setBusy(false);
    }
  };

  const available = state?.available === true;
  return (
    <>
      <Typography variant="subtitle2">Keys</Typography>
      <FormControlLabel
        control={<Switch checked={state?.enabled === true} disabled={!available || busy} onChange={(e) => void change(e.target.checked)} />}
        label="Remember keys between sessions"
      />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {!state
          ? 'Checking…'
          : available
            ? `The private keys you have open are kept encrypted with ${state.protectedBy} as they change, and open again next time, even after a crash. Closing a file forgets its keys; turning this off deletes them.`
            : 'Only the desktop app with a system keyring can keep keys between sessions; here they are forgotten when you close them.'}
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}
    </>
  );
}
