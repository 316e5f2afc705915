/** The invisible file input behind every "Open…" button: hands over the chosen files and resets, so the same file can be chosen again. */
import type { Ref } from 'react';

interface Props {
  inputRef: Ref<HTMLInputElement>;
  testId: string;
  onFiles: (files: File[]) => void;
  multiple?: boolean;
  accept?: string;
}

export function HiddenFileInput({ inputRef, testId, onFiles, multiple = false, accept }: Props) {
  return (
    <input
      ref={inputRef}
      type="file"
      hidden
      multiple={multiple}
      accept={accept}
      data-testid={testId}
      onChange={(e) => {
        const files = Array.from(e.target.files ?? []);
        e.target.value = '';
        if (files.length > 0) onFiles(files);
      }}
    />
  );
}
