/** A password entered to open something (a keystore, a key, a file), with show/hide; new passwords use NewPasswordFields. */
import { useState } from 'react';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Visibility from '@mui/icons-material/Visibility';
import VisibilityOff from '@mui/icons-material/VisibilityOff';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Under the field, in red (a wrong password). */
  error?: string | null;
  autoFocus?: boolean;
  readOnly?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

export function PasswordField({ label, value, onChange, error = null, autoFocus, readOnly, inputRef }: Props) {
  const [visible, setVisible] = useState(false);
  return (
    <TextField
      fullWidth
      autoFocus={autoFocus}
      inputRef={inputRef}
      label={label}
      type={visible ? 'text' : 'password'}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      autoComplete="off"
      error={Boolean(error)}
      helperText={error ?? ' '}
      slotProps={{
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
