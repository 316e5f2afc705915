/**
 * Moving between pages with something to do there: the Inspector's next steps open Convert prefilled, the
 * Keystores page with the objects to add, New CSR for an open key, the Chain doctor for a file or a server, or back to
 * Inspect at one object. A page takes its intent once (consume) and then owns the state.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ConvertOptionsDto, ConvertSource, ConvertTarget, StarttlsProtocol } from '../../main/api/dto';
import type { PageId } from './pages';

export type PageIntent =
  | { page: 'convert'; source: ConvertSource; target?: ConvertTarget; options?: ConvertOptionsDto }
  | {
      page: 'keystores';
      /** Open this (unlocked or plain) document as an editable keystore. */
      documentId?: string;
      /** Offer to add these certificates as trusted entries. */
      trustedObjectIds?: string[];
      /** Offer to import this key (with its chain) as a key pair entry. */
      keyObjectId?: string;
    }
  | {
      page: 'csr';
      /** Make the CSR for this open private key (the Inspector's "Make a CSR for this key"). */
      keyObjectId?: string;
    }
  | {
      page: 'chain';
      /** Check the chain of these open documents (the Inspector's "Open in Chain doctor"). */
      documentIds?: string[];
      /** Check these certificates, leaf first (the Inspector's "Check chain" on a certificate). */
      objectIds?: string[];
      /** Check this server (the Expiry page's endpoint rows): "host:port", with its SNI and STARTTLS. */
      server?: { target: string; servername: string | null; starttls: StarttlsProtocol | null };
    }
  | {
      page: 'acme';
      /** Show this order (an ACME notice's "Show"). */
      orderId?: string;
    }
  | {
      page: 'inspect';
      /** Select and show this object (the Chain doctor's "Show in Inspector"). */
      objectId: string;
    };

export interface Navigation {
  navigate(page: PageId, intent?: PageIntent): void;
  /** The intent waiting for the page it names; the page calls consume() once it took it. */
  intent: PageIntent | null;
  consume(): void;
}

const NavigationContext = createContext<Navigation | null>(null);

export function NavigationProvider({ value, children }: { value: Navigation; children: ReactNode }) {
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationProvider');
  return nav;
}

/** The intent for `page`, if one is waiting. */
export function useIntentFor<P extends PageIntent['page']>(page: P): Extract<PageIntent, { page: P }> | null {
  const { intent } = useNavigation();
  return intent && intent.page === page ? (intent as Extract<PageIntent, { page: P }>) : null;
}
