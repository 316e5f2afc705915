/** The next steps of an object or a file as a menu: right-click on a row, the file's "⋯" button, or the menu key. */
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useNavigation } from '../../frame/navigation';
import type { NextStep } from './nextSteps';

export interface MenuRequest {
  /** What it is about, for its accessible name ("Next steps for server.pfx"). */
  title: string;
  steps: NextStep[];
  position: { left: number; top: number };
}

export function NextStepsMenu({ request, onClose }: { request: MenuRequest | null; onClose: () => void }) {
  const { navigate } = useNavigation();
  return (
    <Menu
      open={request !== null && request.steps.length > 0}
      onClose={onClose}
      anchorReference="anchorPosition"
      anchorPosition={request?.position}
      slotProps={{ list: { 'aria-label': request?.title ?? 'Next steps', dense: true } }}
    >
      {request?.steps.map((s) => (
        <MenuItem
          key={s.id}
          data-step={s.id}
          onClick={() => {
            onClose();
            navigate(s.intent.page, s.intent);
          }}
        >
          {s.label}
        </MenuItem>
      ))}
    </Menu>
  );
}
