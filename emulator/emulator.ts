import { IncomingMessage, ServerResponse } from 'http';
import { AuthorizeEndpoint } from './accounts/authorize';
import { GrantStore } from './accounts/grantStore';
import { handleToken } from './accounts/tokenEndpoint';
import { Clock } from './clock';
import { handleControl } from './control';
import { CONTROL_PREFIX } from './controlPrefix';
import { DesktopApp } from './desktop/desktopApp';
import { DesktopView, desktopView } from './desktop/desktopView';
import { DailyQuota, QuotaReport } from './dailyQuota';
import { Fault, FaultList, faultReply } from './faults';
import { foreignHostReply, isOwnHost } from './hostGuard';
import { html, json, parseQuery, Reply, RequestContext, writeReply } from './http';
import { Listener } from './listener';
import { LrclibStandIn } from './lyrics/lrclibStandIn';
import { applyPatch, EmulatorOptions, pickClock, resolveSettings, Settings } from './options';
import { PHONE_PATH, phonePage } from './phone/phonePage';
import { API_PREFIX, WebApi } from './webapi/webApi';
import type { Playable } from './world/catalogue';
import { PhoneAction } from './world/player';
import { World } from './world/world';

import type { Emulator, EmulatorSnapshot, RecordedRequest } from './emulatorApi';

export type { Emulator, EmulatorSnapshot, RecordedRequest } from './emulatorApi';

/** Real milliseconds; faults delay in wall time even on a virtual clock. */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The local Spotify: accounts service, Web API, simulated world, faults and a request log. */
export class SpotifyEmulator implements Emulator {
  readonly clock: Clock;
  readonly requests: RecordedRequest[] = [];
  readonly lyricsRequests: RecordedRequest[] = [];
  private readonly settings: Settings;
  private readonly store: GrantStore;
  private readonly world: World;
  private readonly webApi: WebApi;
  private readonly dailyQuota: DailyQuota;
  private readonly authorizeEndpoint: AuthorizeEndpoint;
  private readonly lrclib: LrclibStandIn;
  private readonly faults = new FaultList();
  private readonly listener: Listener;
  private desktopApp: DesktopApp | undefined;

  constructor(options: EmulatorOptions) {
    this.clock = pickClock(options);
    this.settings = resolveSettings(options);
    this.store = new GrantStore(this.clock);
    this.world = new World(this.clock, () => this.apiUrl, () => this.settings.stateLagMs, () => this.settings.devices);
    this.dailyQuota = new DailyQuota(this.clock, () => this.settings);
    this.webApi = new WebApi(this.world, this.store, this.settings, this.dailyQuota);
    this.authorizeEndpoint = new AuthorizeEndpoint(this.settings, this.store);
    this.lrclib = new LrclibStandIn(this.world.catalogue, () => this.settings.lyricsHugeAnswers);
    this.listener = new Listener(this.settings.host, (req, res) => void this.serve(req, res));
  }

  get accountsUrl(): string { return this.listener.origin; }
  get apiUrl(): string { return `${this.listener.origin}${API_PREFIX}`; }
  get controlUrl(): string { return `${this.listener.origin}${CONTROL_PREFIX}`; }
  get lyricsUrl(): string { return this.listener.origin; }
  get clientId(): string { return this.settings.clientId; }
  get clientSecret(): string { return this.settings.clientSecret; }

  async start(): Promise<void> {
    await this.listener.start(this.settings.port);
    if (this.settings.desktopBus) {
      this.desktopApp = await DesktopApp.publish(this.settings.desktopBus, this.world, {
        running: () => this.desktopView() !== undefined,
        reportsPosition: () => this.settings.desktopReportsPosition,
        sendsSeeked: () => this.settings.desktopSendsSeeked,
      });
    }
  }

  configure(patch: Partial<EmulatorOptions>): void {
    applyPatch(this.settings, patch);
    this.world.player.changed();
  }

  addFault(fault: Fault): void { this.faults.add(fault); }
  clearFaults(): void { this.faults.clear(); }
  revokeGrants(): void { this.store.revokeAll(); }
  expireAccessTokens(): void { this.store.expireAccessTokens(); }
  expireGrants(): void { this.store.endGrantsOfAge(); }
  phone(action: PhoneAction): void { this.world.player.phone(action); }

  desktop(action: PhoneAction): void {
    if (!this.desktopView()) throw new Error('the desktop app is not running');
    this.world.player.phone(action, 'computer');
  }

  desktopView(): DesktopView | undefined {
    const runs = this.settings.desktopRunning && this.world.player.devices.some((d) => d.key === 'computer');
    return runs ? desktopView(this.world) : undefined;
  }

  onPlayerChange(listener: () => void): () => void {
    return this.world.player.onChange(listener);
  }

  snapshot(): EmulatorSnapshot {
    const player = this.world.player;
    const state = player.live();
    const device = state.activeKey === null ? undefined : player.deviceByKey(state.activeKey);
    const item = this.world.catalogue.playable(state.itemUri);
    return {
      isPlaying: state.isPlaying && device !== undefined,
      activeDeviceId: device?.id ?? null,
      deviceName: device?.name ?? null,
      itemUri: state.itemUri,
      itemName: item?.name ?? null,
      itemByline: item ? this.byline(item) : null,
      itemDurationMs: item?.durationMs ?? null,
      playingAd: state.ad !== null,
      progressMs: player.progress(state),
      volumePercent: device ? state.volumes[device.key] : null,
      shuffle: state.shuffle,
      repeat: state.repeat,
      queueUris: [...state.queue],
      likedUris: this.world.library.list(),
      grants: this.store.liveGrantCount(),
      devices: player.devices.map((d) => ({ key: d.key, name: d.name, type: d.type, isActive: d.key === device?.key })),
    };
  }

  quota(): QuotaReport {
    return this.dailyQuota.report();
  }

  private byline(item: Playable): string {
    const catalogue = this.world.catalogue;
    if (item.kind === 'episode') return catalogue.showById(item.showId).name;
    if (item.kind === 'local') return item.artist;
    return item.artistIds.map((id) => catalogue.artistById(id).name).join(', ');
  }

  issuedSecrets(): string[] {
    return [this.settings.clientSecret, ...this.store.issuedCredentials()];
  }

  reset(options: { grants?: boolean } = {}): void {
    this.world.reset();
    this.dailyQuota.reset();
    if (options.grants) this.store.clear();
  }

  goOffline(): Promise<void> { return this.listener.stop(); }
  goOnline(): Promise<void> { return this.listener.resume(); }
  async close(): Promise<void> {
    await this.desktopApp?.close();
    this.desktopApp = undefined;
    await this.listener.stop();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ctx = await readRequest(req);
    if (!isOwnHost(ctx.headers.host, this.listener.host, this.listener.port)) {
      // Addressed to another name (DNS rebinding): not the user's browser talking to the emulator.
      writeReply(res, foreignHostReply());
      return;
    }
    if (ctx.path === CONTROL_PREFIX || ctx.path.startsWith(`${CONTROL_PREFIX}/`)) {
      // The control API is the test's own channel: no faults, not in the request log.
      writeReply(res, await handleControl(this, ctx));
      return;
    }
    if (ctx.method === 'GET' && ctx.path === PHONE_PATH) {
      // The phone page is the user's own device, not a request to Spotify: no faults, not logged.
      writeReply(res, html(200, phonePage()));
      return;
    }
    // LRCLIB's stand-in is not Spotify: its requests have their own log (with the User-Agent LRCLIB asks for).
    const lyrics = this.lrclib.handles(ctx);
    const record = (status: number, authenticated: boolean, fault: boolean) => (lyrics ? this.lyricsRequests : this.requests).push({
      method: ctx.method, path: ctx.path, query: ctx.query, status, time: this.clock.now(), authenticated, fault,
      ...(lyrics ? { userAgent: String(ctx.headers['user-agent'] ?? '') } : {}),
    });
    const fault = this.faults.take(ctx.method, ctx.path);
    if (fault?.destroy) {
      record(0, false, true);
      req.socket.destroy();
      return;
    }
    if (fault?.hang) {
      record(0, false, true);
      return;
    }
    if (fault?.delayMs) await sleep(fault.delayMs);
    const scripted = fault && faultReply(fault);
    const outcome = scripted ? { reply: scripted, authenticated: false } : this.route(ctx);
    const reply = this.settings.zeroRetryAfter ? withZeroRetryAfter(outcome.reply) : outcome.reply;
    record(reply.status, outcome.authenticated, fault !== undefined);
    if (fault?.stallBody) return stallHalfWay(res, reply);
    if (!res.destroyed) writeReply(res, reply);
  }

  private route(ctx: RequestContext): { reply: Reply; authenticated: boolean } {
    const plain = (reply: Reply) => ({ reply, authenticated: false });
    try {
      if (ctx.path === API_PREFIX || ctx.path.startsWith(`${API_PREFIX}/`)) return this.webApi.handle(ctx);
      if (this.lrclib.handles(ctx)) return plain(this.lrclib.answer(ctx));
      if (ctx.method === 'GET' && ctx.path === '/authorize') return plain(this.authorizeEndpoint.authorize(ctx));
      if (ctx.method === 'POST' && ctx.path === '/authorize/decision') return plain(this.authorizeEndpoint.decide(ctx));
      if (ctx.method === 'POST' && ctx.path === '/api/token') return plain(handleToken(ctx, this.settings, this.store));
      return plain(json(404, { error: { status: 404, message: 'Service not found' } }));
    } catch (error) {
      // A bug in the emulator: answer like a server error rather than crash the test run.
      console.error('Spotify emulator: unhandled error', error);
      return plain(json(500, { error: { status: 500, message: 'Server error' } }));
    }
  }
}

async function readRequest(req: IncomingMessage): Promise<RequestContext> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    path: url.pathname,
    query: parseQuery(url.searchParams),
    headers: req.headers,
    body: Buffer.concat(chunks),
  };
}

/** A 429 that says "retry after 0 seconds", as Spotify sometimes does. */
function withZeroRetryAfter(reply: Reply): Reply {
  if (reply.status !== 429) return reply;
  const headers = Object.fromEntries(Object.entries(reply.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'retry-after'));
  return { ...reply, headers: { ...headers, 'retry-after': '0' } };
}

/** Promises a whole body, sends half of it and never the rest: a connection dying mid-answer. */
function stallHalfWay(res: ServerResponse, reply: Reply): void {
  const body = Buffer.from(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': String(body.length) });
  res.write(body.subarray(0, Math.floor(body.length / 2)));
}
