/**
 * A password input with show/hide, and optionally the strength hint for a password being chosen (not for
 * one being entered to open something: there the hint would only be noise).
 */
import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';
import { passwordStrength, type StrengthLevel } from './passwordHint';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Show the strength hint under the field (choosing a new password). */
  strength?: boolean;
  /** Shown instead of the strength hint (a mismatch, a wrong password). */
  error?: string | null;
  autoFocus?: boolean;
  readOnly?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

const TONE: Record<StrengthLevel, 'error' | 'warning' | 'info' | 'success'> = { 'too-short': 'error', weak: 'warning', fair: 'info', strong: 'success' };

export function PasswordField({ label, value, onChange, strength = false, error = null, autoFocus, readOnly, inputRef }: Props) {
  const [visible, setVisible] = useState(false);
  const hint = strength && value !== '' ? passwordStrength(value) : null;
  return (
    <TextField
      fullWidth
      autoFocus={autoFocus}
      inputRef={inputRef}
      label={label}
      type={visible ? 'text' : 'password'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="new-password"
      error={Boolean(error)}
      helperText={error ?? hint?.words ?? ' '}
      slotProps={{
        formHelperText: hint && !error ? ({ 'data-strength': hint.level, sx: { color: `${TONE[hint.level]}.main` } } as object) : undefined,
        htmlInput: { readOnly },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <IconButton aria-label={visible ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`} onClick={() => setVisible((v) => !v)} edge="end">
                {visible ? <VisibilityOff fontSize="small" /> : <Visibility fontSize="small" />}
              </IconButton>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
