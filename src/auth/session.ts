/** What Backbeat keeps in SecretStorage for a signed-in user, and how it is checked when read back. */
export interface StoredSession {
  /** Stable id for VS Code's session list; new on every sign-in. */
  id: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the access token stops working. */
  expiresAt: number;
  scopes: string[];
  account: { id: string; label: string };
  /** Set when the grant was made with a client secret: refreshes must use it too. */
  usesClientSecret?: boolean;
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/** Parses stored JSON; anything that does not parse or lacks a field gives `undefined`. */
export function parseStoredSession(raw: string): StoredSession | undefined {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const account = v.account as Record<string, unknown> | undefined;
  if (
    !isString(v.id) ||
    !isString(v.accessToken) ||
    !isString(v.refreshToken) ||
    typeof v.expiresAt !== 'number' ||
    !Number.isFinite(v.expiresAt) ||
    !Array.isArray(v.scopes) ||
    !v.scopes.every(isString) ||
    typeof account !== 'object' ||
    account === null ||
    !isString(account.id) ||
    typeof account.label !== 'string'
  ) {
    return undefined;
  }
  return {
    id: v.id,
    accessToken: v.accessToken,
    refreshToken: v.refreshToken,
    expiresAt: v.expiresAt,
    scopes: v.scopes as string[],
    account: { id: account.id, label: account.label || account.id },
    usesClientSecret: v.usesClientSecret === true,
  };
}
