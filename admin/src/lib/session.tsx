import { createContext, useContext } from 'react';
import type { Ability, AbilityScope, Session } from '../api/types';

export interface SessionContextValue {
  session: Session | null;
  /** Stores a fresh session (after sign-in) or forgets it. */
  setSession: (session: Session | null) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}

/** The signed-in person's scope for an ability, or null when they do not have it. */
export function abilityScope(session: Session | null, ability: Ability): AbilityScope | null {
  return session?.abilities[ability] ?? null;
}

export function useCan(): (ability: Ability) => boolean {
  const { session } = useSession();
  return (ability) => abilityScope(session, ability) !== null;
}
