// Validates Web API traffic against the schemas derived from the community OpenAPI description of
// Spotify (spotify-web-api/schema.json beside this file; `npm run api-schema` regenerates it).
//
// The description differs from the real API in a few known ways; those are patched here, each
// narrowly and on purpose, in KNOWN_GAP_PATCHES.
import Ajv, { ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';

type Json = Record<string, unknown>;

const SPEC_ID = 'spotify-openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'];

// Compiled to out/emulator/: the JSON stays in the source tree.
const SCHEMA_PATH = path.join(__dirname, '..', '..', 'emulator', 'spotify-web-api', 'schema.json');

/** Player error reasons the real API sends (and QUOTA_EXCEEDED for 429s since mid-2026). */
const ERROR_REASONS = [
  'NO_PREV_TRACK', 'NO_NEXT_TRACK', 'NO_SPECIFIC_TRACK', 'ALREADY_PAUSED', 'NOT_PAUSED', 'NOT_PLAYING_LOCALLY',
  'NOT_PLAYING_TRACK', 'NOT_PLAYING_CONTEXT', 'ENDLESS_CONTEXT', 'CONTEXT_DISALLOW', 'ALREADY_PLAYING', 'RATE_LIMITED',
  'REMOTE_CONTROL_DISALLOW', 'DEVICE_NOT_CONTROLLABLE', 'VOLUME_CONTROL_DISALLOW', 'NO_ACTIVE_DEVICE',
  'PREMIUM_REQUIRED', 'UNKNOWN', 'QUOTA_EXCEEDED',
];

const nullable = (schema: unknown) => ({ anyOf: [{ type: 'null' }, schema] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The real API's differences from the description. Each entry names the schema it touches.
 * Only these are tolerated; anything else that differs is reported.
 */
const KNOWN_GAP_PATCHES: Array<(schemas: Record<string, Json>, paths: Record<string, Json>) => void> = [
  // Errors carry `reason` (player errors, quota 429s); otherwise the envelope is exactly {status, message}.
  (s) => {
    const props = s.ErrorObject.properties as Json;
    props.reason = { type: 'string', enum: ERROR_REASONS };
    s.ErrorObject.additionalProperties = false;
  },
  // `actions` is really {"disallows": {...}}; playback state also has `smart_shuffle`; item,
  // context and progress_ms "can be null" by the description's own words.
  (s) => {
    for (const name of ['CurrentlyPlayingContextObject', 'CurrentlyPlayingObject']) {
      const props = s[name].properties as Json;
      props.actions = {
        type: 'object', required: ['disallows'], additionalProperties: false,
        properties: { disallows: ref('DisallowsObject') },
      };
      props.item = nullable(props.item);
      props.context = nullable(props.context);
      props.progress_ms = nullable(props.progress_ms);
    }
    (s.CurrentlyPlayingContextObject.properties as Json).smart_shuffle = { type: 'boolean' };
    s.DisallowsObject.additionalProperties = false;
  },
  // "The currently playing track or episode. Can be `null`."
  (s) => {
    const props = s.QueueObject.properties as Json;
    props.currently_playing = nullable(props.currently_playing);
  },
  // Recently played: `next` is null on the last page, `cursors` null when empty, `context` null
  // for tracks played outside a context (all as the real API sends them).
  // The /me/library endpoints describe their 400 body as a bare ErrorObject; the real API wraps
  // it in {"error": ...} like every other error.
  (_s, paths) => {
    for (const template of ['/me/library', '/me/library/contains']) {
      for (const operation of Object.values(paths[template]) as Json[]) {
        const badRequest = (operation.responses as Json)['400'] as Json;
        const content = badRequest.content as Json;
        content['application/json'] = { schema: { type: 'object', required: ['error'], properties: { error: ref('ErrorObject') } } };
      }
    }
  },
  (s) => {
    const props = s.CursorPagingObject.properties as Json;
    props.next = nullable(props.next);
    props.cursors = nullable(props.cursors);
    const history = s.PlayHistoryObject.properties as Json;
    history.context = nullable(history.context);
  },
  // February 2026: playlist objects keep `tracks` only as null (the items moved to `items`).
  (s) => {
    for (const name of ['SimplifiedPlaylistObject', 'PlaylistObject']) {
      const props = s[name].properties as Json;
      props.tracks = nullable(props.tracks);
    }
  },
  // A local file (is_local) is a track without id, href or links, on an album and by artists
  // that have none either, and without a release date.
  (s) => {
    const nullables: Record<string, string[]> = {
      TrackObject: ['id', 'href'],
      SimplifiedArtistObject: ['id', 'href', 'uri'],
      AlbumBase: ['id', 'href', 'uri', 'album_type', 'release_date', 'release_date_precision'],
    };
    for (const [name, fields] of Object.entries(nullables)) {
      const props = s[name].properties as Json;
      for (const field of fields) props[field] = nullable(props[field]);
    }
  },
];

/** Error statuses the description leaves out but the real API sends, answered with the usual envelope. */
const ERROR_ENVELOPE_POINTER = '#/components/responses/BadRequest/content/application~1json/schema';
/** GET /me/player and /me/player/currently-playing answer 204 with no body when nothing is active. */
const UNDECLARED_204 = ['get /me/player', 'get /me/player/currently-playing'];
/** Player commands answer 202 with no body while the device wakes up (spotify/web-api #784). */
const isWakingAnswer = (op: Operation, status: number) => status === 202 && op.method !== 'get' && op.template.startsWith('/me/player');

interface Operation {
  template: string;
  method: string;
  spec: Json;
}

class SpecIndex {
  readonly ajv: Ajv;
  readonly doc: Json;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor() {
    this.doc = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8')) as Json;
    const schemas = (this.doc.components as Json).schemas as Record<string, Json>;
    for (const patch of KNOWN_GAP_PATCHES) patch(schemas, this.doc.paths as Record<string, Json>);
    this.ajv = new Ajv({ strict: false, allErrors: true });
    this.ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addSchema(this.doc, SPEC_ID);
  }

  /** The operation for a concrete path ('/v1/me/player?x=1', a full URL, or a template). */
  find(method: string, rawPath: string): Operation | undefined {
    const wanted = normalisePath(rawPath);
    const paths = this.doc.paths as Record<string, Json>;
    const candidates = Object.keys(paths)
      .filter((template) => template === wanted || templateMatches(template, wanted))
      .sort((a, b) => paramCount(a) - paramCount(b));
    const template = candidates[0];
    const spec = template === undefined ? undefined : paths[template][method.toLowerCase()] as Json | undefined;
    return template && spec ? { template, method: method.toLowerCase(), spec } : undefined;
  }

  methodsFor(rawPath: string): string[] {
    const wanted = normalisePath(rawPath);
    const paths = this.doc.paths as Record<string, Json>;
    const template = Object.keys(paths).find((t) => t === wanted || templateMatches(t, wanted));
    return template ? Object.keys(paths[template]).filter((m) => HTTP_METHODS.includes(m)) : [];
  }

  /** Follows a local "#/..." $ref inside the document (for responses and parameters). */
  deref<T = Json>(value: unknown): T {
    let current = value as Json;
    while (current && typeof current.$ref === 'string') {
      current = (current.$ref as string).slice(2).split('/').reduce<Json>(
        (node, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')] as Json, this.doc);
    }
    return current as T;
  }

  validator(pointer: string): ValidateFunction {
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }

  check(pointer: string, value: unknown): string[] {
    const validate = this.validator(pointer);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'} ${formatParams(e.params)}`.trim());
  }
}

let index: SpecIndex | undefined;
function spec(): SpecIndex {
  index ??= new SpecIndex();
  return index;
}

/**
 * Checks a response body against the description's schema for (method, path, status).
 * `body` is the parsed JSON, or undefined/'' for an empty body. Returns the problems; [] = valid.
 */
export function validateResponse(method: string, pathTemplateOrConcretePath: string, status: number, body: unknown): string[] {
  const s = spec();
  const op = s.find(method, pathTemplateOrConcretePath);
  if (!op) return [`no operation ${method.toUpperCase()} ${normalisePath(pathTemplateOrConcretePath)} in the description`];
  const parsed = typeof body === 'string' && body.trim() !== '' ? safeJson(body) : body;
  const isEmpty = parsed === undefined || parsed === '' || parsed === null;
  const responses = op.spec.responses as Json;
  const declared = responses[String(status)] as Json | undefined;
  const where = `${method.toUpperCase()} ${op.template} ${status}`;

  if (!declared) {
    if ((status === 204 && UNDECLARED_204.includes(`${op.method} ${op.template}`)) || isWakingAnswer(op, status)) {
      return isEmpty ? [] : [`${where}: a ${status} must have an empty body`];
    }
    if (status >= 400) return prefix(where, s.check(ERROR_ENVELOPE_POINTER, parsed));
    return [`${where}: status ${status} is not declared for this operation`];
  }
  const response = s.deref<Json>(declared);
  const content = response.content as Json | undefined;
  if (!content || !content['application/json']) {
    return isEmpty ? [] : [`${where}: the description declares no body, but one was sent`];
  }
  const pointer = responsePointer(op, String(status), declared);
  return prefix(where, s.check(pointer, parsed));
}

/** Does the description have this operation, with all these query parameters declared? */
export function hasOperation(method: string, concretePath: string, queryKeys: readonly string[] = []): boolean {
  const op = spec().find(method, concretePath);
  if (!op) return false;
  const declared = new Set(queryParameters(op).map((p) => p.name as string));
  return queryKeys.every((k) => declared.has(k));
}

/**
 * Checks a request a client would send: operation exists, query parameters are declared, required
 * ones present, values fit their schemas, and a JSON body fits the request body schema.
 */
export function validateRequest(
  method: string, url: string, options: { query?: Record<string, string>; body?: unknown } = {},
): string[] {
  const s = spec();
  const op = s.find(method, url);
  if (!op) {
    const methods = s.methodsFor(url);
    return [methods.length > 0
      ? `${method.toUpperCase()} is not allowed on ${normalisePath(url)} (only ${methods.join(', ').toUpperCase()})`
      : `no path ${normalisePath(url)} in the description`];
  }
  const query = { ...queryOf(url), ...options.query };
  const problems: string[] = [];
  const params = queryParameters(op);
  for (const key of Object.keys(query)) {
    if (!params.some((p) => p.name === key)) problems.push(`query parameter '${key}' is not declared`);
  }
  params.forEach((param, i) => {
    const name = param.name as string;
    const value = query[name];
    if (value === undefined) {
      if (param.required) problems.push(`required query parameter '${name}' is missing`);
      return;
    }
    const pointer = `${parameterPointer(op, param, i)}/schema`;
    problems.push(...s.check(pointer, coerce(value, s.deref<Json>(param.schema))).map((p) => `query '${name}': ${p}`));
  });
  const requestBody = op.spec.requestBody as Json | undefined;
  if (options.body !== undefined) {
    const content = requestBody && (s.deref<Json>(requestBody).content as Json | undefined);
    if (!content?.['application/json']) {
      problems.push('the operation takes no JSON body');
    } else {
      const pointer = `#/paths/${escapePointer(op.template)}/${op.method}/requestBody/content/application~1json/schema`;
      problems.push(...s.check(pointer, options.body).map((p) => `body: ${p}`));
    }
  }
  return problems;
}

// ---- helpers --------------------------------------------------------------------------------

function normalisePath(raw: string): string {
  let p = raw.replace(/^[a-z]+:\/\/[^/]+/i, '');
  p = p.split('?')[0].split('#')[0];
  if (p.startsWith('/v1/') || p === '/v1') p = p.slice(3);
  return p.length > 1 ? p.replace(/\/$/, '') : p;
}

function queryOf(raw: string): Record<string, string> {
  const at = raw.indexOf('?');
  if (at < 0) return {};
  return Object.fromEntries(new URLSearchParams(raw.slice(at + 1)));
}

function templateMatches(template: string, concrete: string): boolean {
  const a = template.split('/');
  const b = concrete.split('/');
  return a.length === b.length && a.every((seg, i) => (/^\{.+\}$/.test(seg) ? b[i] !== '' : seg === b[i]));
}

function paramCount(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A JSON pointer to the response's schema (following a responses/$ref when there is one). */
function responsePointer(op: Operation, status: string, declared: Json): string {
  const base = typeof declared.$ref === 'string'
    ? declared.$ref as string
    : `#/paths/${escapePointer(op.template)}/${op.method}/responses/${status}`;
  return `${base}/content/application~1json/schema`;
}

function queryParameters(op: Operation): Json[] {
  return ((op.spec.parameters ?? []) as Json[]).map((p) => spec().deref<Json>(p)).filter((p) => p.in === 'query');
}

function parameterPointer(op: Operation, param: Json, queryIndex: number): string {
  const raw = ((op.spec.parameters ?? []) as Json[]).filter((p) => spec().deref<Json>(p).in === 'query')[queryIndex];
  if (raw && typeof raw.$ref === 'string') return raw.$ref;
  const all = (op.spec.parameters ?? []) as Json[];
  const position = all.findIndex((p) => spec().deref<Json>(p) === param);
  return `#/paths/${escapePointer(op.template)}/${op.method}/parameters/${position}`;
}

/** Query strings are text; turn them into what the parameter schema describes. */
function coerce(value: string, schema: Json): unknown {
  switch (schema.type) {
    case 'integer':
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'array':
      return value.split(',');
    default:
      return value;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function prefix(where: string, problems: string[]): string[] {
  return problems.map((p) => `${where}: ${p}`);
}

function formatParams(params: Record<string, unknown>): string {
  const entries = Object.entries(params ?? {});
  return entries.length === 0 ? '' : `(${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`;
}
