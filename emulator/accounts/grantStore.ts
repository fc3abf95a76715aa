import { Clock } from '../clock';
import { opaqueToken } from '../ids';

/** Authorization codes live 10 minutes, like Spotify's. */
const CODE_LIFETIME_MS = 10 * 60_000;
/** Since mid-2026 a grant (and every refresh token from it) dies 6 months after consent. */
const GRANT_LIFETIME_MS = 183 * 24 * 3600_000;

interface AuthorizationCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  /** Absent for the classic (client secret) flow. */
  codeChallenge?: string;
  issuedAt: number;
  used: boolean;
}

/** One user consent; refresh tokens and access tokens hang off it. */
export interface Grant {
  id: number;
  clientId: string;
  scopes: string[];
  consentedAt: number;
  /** Made with the client secret (classic flow): refreshing needs the secret too. */
  confidential: boolean;
  refreshToken: string;
  /** Refresh tokens replaced by rotation: they answer "Refresh token revoked". */
  retiredRefreshTokens: Set<string>;
  revoked: boolean;
}

interface AccessToken {
  grantId: number;
  expiresAt: number;
}

type AccessCheck =
  | { ok: true; scopes: string[]; clientId: string }
  | { ok: false; message: 'Invalid access token' | 'The access token expired' };

type RefreshLookup =
  | { ok: true; grant: Grant }
  | { ok: false; description: 'Invalid refresh token' | 'Refresh token revoked' | 'Refresh token expired' };

/** Every credential the accounts service has handed out, checked against the (injected) clock. */
export class GrantStore {
  private codes = new Map<string, AuthorizationCode>();
  private grants = new Map<number, Grant>();
  private accessTokens = new Map<string, AccessToken>();
  private nextGrantId = 1;

  constructor(private readonly clock: Clock) {}

  issueCode(details: Omit<AuthorizationCode, 'issuedAt' | 'used'>): string {
    const code = opaqueToken('AQ', 96);
    this.codes.set(code, { ...details, issuedAt: this.clock.now(), used: false });
    return code;
  }

  /** The code's details; marks it used (single use) whatever the caller decides next. */
  redeemCode(code: string): AuthorizationCode | 'Invalid authorization code' | 'Authorization code expired' {
    const found = this.codes.get(code);
    if (!found || found.used) return 'Invalid authorization code';
    found.used = true;
    if (this.clock.now() - found.issuedAt > CODE_LIFETIME_MS) return 'Authorization code expired';
    return found;
  }

  createGrant(clientId: string, scopes: string[], confidential: boolean): Grant {
    const grant: Grant = {
      id: this.nextGrantId++, clientId, scopes, consentedAt: this.clock.now(), confidential,
      refreshToken: opaqueToken('AQ', 96), retiredRefreshTokens: new Set(), revoked: false,
    };
    this.grants.set(grant.id, grant);
    return grant;
  }

  findByRefreshToken(token: string): RefreshLookup {
    for (const grant of this.grants.values()) {
      const current = grant.refreshToken === token;
      if (!current && !grant.retiredRefreshTokens.has(token)) continue;
      if (grant.revoked || !current) return { ok: false, description: 'Refresh token revoked' };
      if (this.clock.now() - grant.consentedAt >= GRANT_LIFETIME_MS) return { ok: false, description: 'Refresh token expired' };
      return { ok: true, grant };
    }
    return { ok: false, description: 'Invalid refresh token' };
  }

  rotateRefreshToken(grant: Grant): void {
    grant.retiredRefreshTokens.add(grant.refreshToken);
    grant.refreshToken = opaqueToken('AQ', 96);
  }

  issueAccessToken(grant: Grant, lifetimeSeconds: number): string {
    const token = opaqueToken('BQ', 108);
    this.accessTokens.set(token, { grantId: grant.id, expiresAt: this.clock.now() + lifetimeSeconds * 1000 });
    return token;
  }

  checkAccessToken(token: string): AccessCheck {
    const found = this.accessTokens.get(token);
    const grant = found && this.grants.get(found.grantId);
    if (!found || !grant || grant.revoked) return { ok: false, message: 'Invalid access token' };
    if (this.clock.now() >= found.expiresAt) return { ok: false, message: 'The access token expired' };
    return { ok: true, scopes: grant.scopes, clientId: grant.clientId };
  }

  revokeAll(): void {
    for (const grant of this.grants.values()) grant.revoked = true;
  }

  /**
   * Six months pass for every grant: Spotify's limit since mid-2026, after which a refresh answers
   * invalid_grant "Refresh token expired". Access tokens (an hour long) are long gone by then too.
   */
  endGrantsOfAge(): void {
    const now = this.clock.now();
    for (const grant of this.grants.values()) grant.consentedAt = Math.min(grant.consentedAt, now - GRANT_LIFETIME_MS);
    this.expireAccessTokens();
  }

  expireAccessTokens(): void {
    const now = this.clock.now();
    for (const token of this.accessTokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
  }

  /** Every code and token ever handed out: what a leak scan searches the client's outputs for. */
  issuedCredentials(): string[] {
    const refreshTokens = [...this.grants.values()].flatMap((g) => [g.refreshToken, ...g.retiredRefreshTokens]);
    return [...this.codes.keys(), ...refreshTokens, ...this.accessTokens.keys()];
  }

  /** The user approved the client for all of `scopes` before, and has not revoked it. */
  hasConsented(clientId: string, scopes: readonly string[]): boolean {
    return [...this.grants.values()].some((g) => !g.revoked && g.clientId === clientId && scopes.every((s) => g.scopes.includes(s)));
  }

  /** Grants a user could still refresh with. */
  liveGrantCount(): number {
    const now = this.clock.now();
    return [...this.grants.values()].filter((g) => !g.revoked && now - g.consentedAt < GRANT_LIFETIME_MS).length;
  }

  clear(): void {
    this.codes.clear();
    this.grants.clear();
    this.accessTokens.clear();
  }
}
