import { GrantStore } from '../accounts/grantStore';
import type { DailyQuota } from '../dailyQuota';
import { apiError, PlayerError, playerErrors } from '../errors';
import { empty, html, Reply, RequestContext } from '../http';
import { Settings } from '../options';
import { World } from '../world/world';
import { catalogueRoutes } from './catalogueRoutes';
import { playerRoutes } from './playerRoutes';
import { removedRoutes } from './removedRoutes';
import { matchTemplate, Route } from './route';

export const API_PREFIX = '/v1';

interface ApiOutcome {
  reply: Reply;
  /** A valid Bearer token was presented (recorded for the request log). */
  authenticated: boolean;
}

/** Google's front end answers a body-less PUT/POST without Content-Length with this page. */
const LENGTH_REQUIRED_PAGE = '<!DOCTYPE html>\n<html lang=en><title>Error 411 (Length Required)!!1</title>'
  + '<p><b>411.</b> <ins>That\u2019s an error.</ins><p>POST requests require a <code>Content-length</code> header.'
  + '  <ins>That\u2019s all we know.</ins>\n';

/** The Web API under /v1: front-end checks, token and scope checks, then the route. */
export class WebApi {
  private readonly routes: Route[];

  constructor(
    world: World,
    private readonly store: GrantStore,
    private readonly settings: Settings,
    private readonly quota: DailyQuota,
  ) {
    this.routes = [...playerRoutes(world), ...catalogueRoutes(world), ...removedRoutes()];
  }

  handle(ctx: RequestContext): ApiOutcome {
    const unauthenticated = (reply: Reply): ApiOutcome => ({ reply, authenticated: false });
    if (lacksLength(ctx)) return unauthenticated(html(411, LENGTH_REQUIRED_PAGE));
    const path = ctx.path.slice(API_PREFIX.length) || '/';
    const candidates = this.routes
      .map((route) => ({ route, params: matchTemplate(route.path, path) }))
      .filter((c) => c.params !== undefined);
    if (candidates.length === 0) return unauthenticated(apiError(404, 'Service not found'));
    const found = candidates.find((c) => c.route.method === ctx.method);
    if (!found) return unauthenticated(apiError(405, 'Method not allowed'));

    const token = /^Bearer\s+(\S+)$/i.exec(ctx.headers.authorization ?? '')?.[1];
    const check = token === undefined ? undefined : this.store.checkAccessToken(token);
    if (!check) return unauthenticated(apiError(401, 'No token provided'));
    if (!check.ok) return unauthenticated(apiError(401, check.message));
    const reply = (r: Reply): ApiOutcome => ({ reply: r, authenticated: true });
    // Spotify counts every request an app's token makes, whatever the answer.
    const spent = this.quota.admit(check.clientId);
    if (spent) return reply(spent);

    if (!this.settings.userRegistered) return reply(this.notRegistered());
    const needed = found.route.scopes ?? [];
    if (needed.length > 0 && !needed.some((s) => check.scopes.includes(s))) {
      return reply(apiError(403, 'Insufficient client scope'));
    }
    try {
      if (found.route.command && !this.settings.premium) throw playerErrors.premiumRequired();
      if (found.route.command && this.settings.deviceWakingCommands > 0) {
        // Accepted, but the device is still waking up: nothing happens, and the client should retry.
        this.settings.deviceWakingCommands--;
        return reply(empty(202));
      }
      return reply(found.route.handle({ ...ctx, params: found.params ?? {}, scopes: check.scopes }));
    } catch (error) {
      if (error instanceof PlayerError) return reply(error.toReply());
      throw error;
    }
  }

  /** Spotify's refusal of a user missing from User Management: often plain text, worded variously. */
  private notRegistered(): Reply {
    const message = this.settings.notRegisteredMessage;
    return this.settings.notRegisteredBody === 'json' ? apiError(403, message) : { status: 403, body: message };
  }
}

/** A PUT/POST that declares neither a body length nor chunked encoding. */
function lacksLength(ctx: RequestContext): boolean {
  return (ctx.method === 'PUT' || ctx.method === 'POST')
    && ctx.headers['content-length'] === undefined
    && ctx.headers['transfer-encoding'] === undefined;
}
