/** A new password typed twice, with show/hide and a strength hint; the problem (too short, differs) under it. */
import { useState } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { passwordStrength } from './passwordStrength';

interface Props {
  label: string;
  password: string;
  confirm: string;
  onPassword: (p: string) => void;
  onConfirm: (p: string) => void;
  /** Shown under the fields once something was typed. */
  problem: string | null;
}

export function NewPasswordFields({ label, password, confirm, onPassword, onConfirm, problem }: Props) {
  const [visible, setVisible] = useState(false);
  const strength = passwordStrength(password);
  const toggle = (
    <InputAdornment position="end">
      <IconButton aria-label={visible ? 'Hide password' : 'Show password'} onClick={() => setVisible((v) => !v)} edge="end">
        {visible ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
      </IconButton>
    </InputAdornment>
  );
  const typed = password.length > 0 || confirm.length > 0;
  return (
    <Box sx={{ display: 'grid', gap: 1.5, maxWidth: 420 }}>
      <TextField label={label} type={visible ? 'text' : 'password'} value={password} onChange={(e) => onPassword(e.target.value)} autoComplete="new-password" slotProps={{ input: { endAdornment: toggle } }} />
      <TextField label={`Confirm ${label.charAt(0).toLowerCase()}${label.slice(1)}`} type={visible ? 'text' : 'password'} value={confirm} onChange={(e) => onConfirm(e.target.value)} autoComplete="new-password" error={typed && confirm.length > 0 && confirm !== password} />
      {password.length > 0 && (
        <Box data-testid="password-strength" data-score={strength.score}>
          <LinearProgress variant="determinate" value={(strength.score + 1) * 20} color={strength.tone} aria-label={`Strength: ${strength.label}`} sx={{ height: 6, borderRadius: 3 }} />
          <Typography variant="caption" color={`${strength.tone}.main`} sx={{ fontWeight: 600 }}>
            {strength.label}
          </Typography>
          {strength.advice && (
            <Typography variant="caption" color="text.secondary">
              {' · '}
              {strength.advice}
            </Typography>
          )}
        </Box>
      )}
      {typed && problem && (
        <Typography variant="caption" color="warning.main" data-testid="password-problem">
          {problem}
        </Typography>
      )}
    </Box>
  );
}
