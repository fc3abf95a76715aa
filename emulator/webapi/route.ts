import { Reply, RequestContext } from '../http';

/** A request that matched a route, with the path template's parameters filled in. */
export interface ApiRequest extends RequestContext {
  params: Record<string, string>;
  /** The scopes the access token carries. */
  scopes: readonly string[];
}

export interface Route {
  method: string;
  /** Path under /v1 with {params}, e.g. '/playlists/{playlist_id}/items'. */
  path: string;
  /** The token needs at least one of these scopes; empty or absent: none needed. */
  scopes?: string[];
  /** A player command: needs Premium. */
  command?: boolean;
  handle(req: ApiRequest): Reply;
}

/** The template's parameters if `path` fits it, else undefined. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const param = /^\{(.+)\}$/.exec(want[i]);
    if (param && got[i] !== '') params[param[1]] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return undefined;
  }
  return params;
}
