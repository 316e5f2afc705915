/**
 * Step 3, "Protect it": the password (a keystore's, or the key's new passphrase), an encrypted or a plain key
 * (plain only by choice, with a warning), the PFX profile, the alias, and what goes with the leaf.
 */
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ConvertOptionsDto, ConvertTarget, PfxProfile } from '../../../main/api/dto';
import { NewPasswordFields } from '../../components/NewPasswordFields';
import { includeRootDefault, passwordProblem, type ProtectionNeeds } from './protection';
import { PROFILE_WORDS } from './targets';

interface Props {
  target: ConvertTarget;
  needs: ProtectionNeeds;
  options: ConvertOptionsDto;
  setOption: <K extends keyof ConvertOptionsDto>(key: K, value: ConvertOptionsDto[K]) => void;
  passwordNeeded: boolean;
  password: string;
  confirm: string;
  onPassword: (p: string) => void;
  onConfirm: (p: string) => void;
  keyPassword: { own: boolean; password: string; confirm: string };
  onKeyPassword: (next: Partial<{ own: boolean; password: string; confirm: string }>) => void;
  /** The leaf's name: the default alias. */
  leafLabel: string | null;
}

const PROFILES: PfxProfile[] = ['modern', 'legacy', 'java'];

function passwordLabel(target: ConvertTarget): string {
  if (target === 'pfx') return 'PFX password';
  if (target === 'jks' || target === 'jceks') return 'Keystore password';
  return 'Key passphrase';
}

export function ProtectStep({ target, needs, options, setOption, passwordNeeded, password, confirm, onPassword, onConfirm, keyPassword, onKeyPassword, leafLabel }: Props) {
  const plain = options.noKeyEncryption === true;
  return (
    <Box sx={{ display: 'grid', gap: 3, maxWidth: 720 }}>
      {needs.includeKey && (
        <FormControlLabel control={<Switch checked={options.includeKey !== false && options.separateKey !== true} onChange={(_, v) => setOption('includeKey', v)} disabled={options.separateKey === true} />} label="Add the private key after the certificates" />
      )}
      {needs.separateKey && (
        <FormControlLabel control={<Switch checked={options.separateKey === true} onChange={(_, v) => setOption('separateKey', v)} />} label="Write the private key to a file of its own" />
      )}
      {needs.keyChoice && (
        <FormControl>
          <FormLabel id="key-protection">The private key</FormLabel>
          <RadioGroup aria-labelledby="key-protection" value={plain ? 'plain' : 'encrypted'} onChange={(_, v) => setOption('noKeyEncryption', v === 'plain')}>
            <FormControlLabel value="encrypted" control={<Radio />} label="Encrypted with a passphrase (recommended)" />
            <FormControlLabel value="plain" control={<Radio />} label="No passphrase" />
          </RadioGroup>
          {plain && (
            <Alert severity="warning" data-testid="plain-key-warning" sx={{ mt: 1 }}>
              <AlertTitle>The private key will be written without a passphrase</AlertTitle>
              Anyone who can read the file can use the key. Certbench writes it readable by you only (0600); keep it off shared drives, tickets and mail.
            </Alert>
          )}
        </FormControl>
      )}
      {passwordNeeded && (
        <Box>
          <Typography variant="subtitle2" sx={{ mb: 1 }}>
            {needs.container ? 'The password the receiver will type to open it' : 'The passphrase that protects the key'}
          </Typography>
          <NewPasswordFields label={passwordLabel(target)} password={password} confirm={confirm} onPassword={onPassword} onConfirm={onConfirm} problem={passwordProblem(target, password, confirm)} />
        </Box>
      )}
      {needs.ownKeyPassword && (
        <Box sx={{ display: 'grid', gap: 1 }}>
          <FormControlLabel
            control={<Switch checked={keyPassword.own} onChange={(_, own) => onKeyPassword({ own })} />}
            label="Protect the key with a password of its own (keytool’s -keypass); off: the keystore password opens it"
          />
          {keyPassword.own && (
            <NewPasswordFields
              label="Key password"
              password={keyPassword.password}
              confirm={keyPassword.confirm}
              onPassword={(p) => onKeyPassword({ password: p })}
              onConfirm={(p) => onKeyPassword({ confirm: p })}
              problem={passwordProblem(target, keyPassword.password, keyPassword.confirm)}
            />
          )}
        </Box>
      )}
      {needs.profile && (
        <FormControl>
          <FormLabel id="pfx-profile">Who will open the PFX</FormLabel>
          <RadioGroup aria-labelledby="pfx-profile" value={options.profile ?? 'modern'} onChange={(_, v) => setOption('profile', v as PfxProfile)}>
            {PROFILES.map((p) => (
              <FormControlLabel
                key={p}
                value={p}
                control={<Radio />}
                label={
                  <Box>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {PROFILE_WORDS[p].name}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {PROFILE_WORDS[p].who}
                    </Typography>
                  </Box>
                }
                sx={{ alignItems: 'flex-start', '& .MuiRadio-root': { pt: 0.5 } }}
              />
            ))}
          </RadioGroup>
        </FormControl>
      )}
      {needs.alias && (
        <TextField
          label={target === 'pfx' ? 'Friendly name' : 'Alias'}
          value={options.alias ?? ''}
          placeholder={leafLabel ?? 'certbench'}
          helperText={`Empty: ${leafLabel ? `“${leafLabel}”, the leaf’s name` : '“certbench”'}. Java finds the key by this name.`}
          onChange={(e) => setOption('alias', e.target.value || undefined)}
          sx={{ maxWidth: 420 }}
        />
      )}
      {(needs.includeChain || needs.includeRoot) && (
        <Box sx={{ display: 'grid' }}>
          <FormLabel>With the leaf certificate</FormLabel>
          {needs.includeChain && <FormControlLabel control={<Switch checked={options.includeChain !== false} onChange={(_, v) => setOption('includeChain', v)} />} label="Include the issuing certificates (the chain)" />}
          {needs.includeRoot && (
            <FormControlLabel
              control={<Switch checked={options.includeRoot ?? includeRootDefault(target)} disabled={options.includeChain === false} onChange={(_, v) => setOption('includeRoot', v)} />}
              label="Include the root certificate (servers should not send it; truststores need it)"
            />
          )}
        </Box>
      )}
    </Box>
  );
}
