import { html, parseForm, redirect, Reply, RequestContext } from '../http';
import { opaqueToken } from '../ids';
import { DEFAULT_REDIRECT_URIS, Settings } from '../options';
import { isKnownScope, parseScopes } from '../scopes';
import { consentPage, errorPage } from './consentPage';
import { GrantStore } from './grantStore';
import { isRedirectUriAllowed, withQuery } from './redirectUris';

/** The app's name as the Spotify dashboard shows it on the consent page. */
const APP_NAME = 'Backbeat';
const PKCE_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

interface PendingConsent {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state?: string;
  codeChallenge?: string;
}

/** GET /authorize and the consent decision: where the user says yes or no. */
export class AuthorizeEndpoint {
  private pending = new Map<string, PendingConsent>();

  constructor(private readonly settings: Settings, private readonly store: GrantStore) {}

  authorize(ctx: RequestContext): Reply {
    const q = ctx.query;
    if (q.client_id !== this.settings.clientId) return html(400, errorPage('INVALID_CLIENT: Invalid client'));
    const registered = [...DEFAULT_REDIRECT_URIS, ...this.settings.redirectUris];
    if (!q.redirect_uri || !isRedirectUriAllowed(registered, q.redirect_uri)) {
      return html(400, errorPage('INVALID_CLIENT: Invalid redirect URI'));
    }
    // From here on problems go back to the app through the redirect URI, as OAuth says.
    const fail = (error: string, description?: string) => redirect(withQuery(q.redirect_uri, {
      error, ...(description ? { error_description: description } : {}), ...(q.state !== undefined ? { state: q.state } : {}),
    }));
    if (q.response_type !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    const usesPkce = q.code_challenge !== undefined || q.code_challenge_method !== undefined;
    if (usesPkce && q.code_challenge_method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
    if (usesPkce && !PKCE_CHALLENGE.test(q.code_challenge ?? '')) return fail('invalid_request', 'code_challenge is invalid');
    const scopes = parseScopes(q.scope);
    if (!scopes.every(isKnownScope)) return fail('invalid_scope');

    const consent: PendingConsent = {
      clientId: q.client_id, redirectUri: q.redirect_uri, scopes, state: q.state, codeChallenge: q.code_challenge,
    };
    // A returning user is sent straight back (with the account the browser is logged in to)
    // unless the app asks for the dialog, which also lets the user switch accounts.
    const returning = this.settings.rememberConsent && q.show_dialog !== 'true' && this.store.hasConsented(q.client_id, scopes);
    if (this.settings.autoApprove || returning) return this.approve(consent);
    const requestId = opaqueToken('', 18);
    this.pending.set(requestId, consent);
    return html(200, consentPage({ requestId, appName: APP_NAME, redirectUri: q.redirect_uri, scopes }));
  }

  /** POST /authorize/decision from the consent page's form. */
  decide(ctx: RequestContext): Reply {
    const form = parseForm(ctx.body);
    const consent = this.pending.get(form.request_id ?? '');
    if (!consent) return html(400, errorPage('Invalid or expired authorization request'));
    this.pending.delete(form.request_id);
    if (form.decision === 'approve') return this.approve(consent);
    return redirect(withQuery(consent.redirectUri, {
      error: 'access_denied', ...(consent.state !== undefined ? { state: consent.state } : {}),
    }));
  }

  private approve(consent: PendingConsent): Reply {
    const code = this.store.issueCode({
      clientId: consent.clientId, redirectUri: consent.redirectUri, scopes: consent.scopes, codeChallenge: consent.codeChallenge,
    });
    return redirect(withQuery(consent.redirectUri, { code, ...(consent.state !== undefined ? { state: consent.state } : {}) }));
  }
}
