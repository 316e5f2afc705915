/** The Electron preload bridge (`window.certbench`), typed by main/api/preload-bridge. */
import type { CertbenchBridge, WindowWithCertbench } from '../../main/api/preload-bridge';

export type { CertbenchBridge };

export function electronBridge(): CertbenchBridge | null {
  if (typeof window === 'undefined') return null;
  return (window as Window & WindowWithCertbench).certbench ?? null;
}
