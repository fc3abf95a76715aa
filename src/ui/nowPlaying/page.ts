import { fillPlaceholders } from '../../l10n';
import { currentLine } from '../../lyrics/lyrics';
import { formatTime } from '../../present/format';
import type { LyricsModel, QueueModel, ToView } from '../../present/nowPlayingFeed';
import type { ControlModel, ControlName, NowPlayingModel } from '../../present/nowPlayingModel';
import type { NowPlayingTexts } from '../../present/nowPlayingTexts';
import type { ViewMessage } from '../../present/viewMessages';

// The Now Playing page, running in the webview (bundled for the browser as dist/nowPlaying.js).
// Every text from Spotify or the lyrics goes in as textContent, never as HTML. It moves the
// position on locally between updates, as the status bar does; the extension sends nothing for it.
// Its own words come translated in the HTML (#root's data-texts, src/present/nowPlayingTexts.ts).

declare function acquireVsCodeApi(): { postMessage(message: ViewMessage): void };

const vscode = acquireVsCodeApi();
const post = (message: ViewMessage) => vscode.postMessage(message);
const SEEK_KEY_STEP_MS = 5_000;
const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

const root = document.getElementById('root')!;
const texts = JSON.parse(root.dataset.texts ?? '{}') as NowPlayingTexts;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Icons as SVG paths (24×24, drawn with the text colour): no font is needed for them. */
const ICONS = {
  previous: 'M6 5v14M19 5v14L8 12z',
  next: 'M18 5v14M5 5v14l11-7z',
  play: 'M7 4v16l13-8z',
  pause: 'M8 5v14M16 5v14',
  shuffle: 'M3 7h4l10 10h4M3 17h4l3-3M14 10l3-3h4M18 4l3 3-3 3M18 14l3 3-3 3',
  repeat: 'M4 12V9a2 2 0 0 1 2-2h13M16 4l3 3-3 3M20 12v3a2 2 0 0 1-2 2H5M8 20l-3-3 3-3',
  repeatTrack: 'M4 12V9a2 2 0 0 1 2-2h13M16 4l3 3-3 3M20 12v3a2 2 0 0 1-2 2H5M8 20l-3-3 3-3M12 10v4',
  heart: 'M12 20s-8-5-8-11a4 4 0 0 1 8-1 4 4 0 0 1 8 1c0 6-8 11-8 11z',
  volume: 'M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6',
};

function icon(name: keyof typeof ICONS, filled = false): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('icon');
  if (filled) svg.classList.add('filled');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}

const notice = el('p', 'notice');
notice.setAttribute('role', 'status');
const cover = el('img', 'cover');
cover.alt = '';
const coverBox = el('div', 'cover-box');
coverBox.append(cover);
const title = el('h2', 'title');
const artists = el('p', 'artists');
const album = el('p', 'album');
const deviceName = el('span', 'device-name');
const deviceButton = el('button', 'device-button', texts.devices);
const device = el('p', 'device');
device.append(deviceName, deviceButton);
const info = el('div', 'info');
info.append(title, artists, album, device);

const bar = el('div', 'bar');
const barFill = el('div', 'bar-fill');
bar.append(barFill);
bar.tabIndex = 0;
bar.setAttribute('role', 'slider');
bar.setAttribute('aria-label', texts.position);
bar.setAttribute('aria-valuemin', '0');
const elapsed = el('span', 'elapsed', '0:00');
const total = el('span', 'total', '0:00');
const times = el('div', 'times');
times.append(elapsed, total);

const buttons = {} as Record<'previous' | 'playPause' | 'next' | 'shuffle' | 'repeat' | 'like', HTMLButtonElement>;
const controls = el('div', 'controls');
const COMMANDS = { previous: 'previous', playPause: 'playPause', next: 'next', shuffle: 'toggleShuffle', repeat: 'cycleRepeat', like: 'toggleLike' } as const;
for (const name of Object.keys(COMMANDS) as (keyof typeof COMMANDS)[]) {
  const button = el('button', `control ${name}`);
  button.dataset.control = name;
  button.addEventListener('click', () => {
    if (button.getAttribute('aria-disabled') !== 'true') post({ type: 'command', command: COMMANDS[name] });
  });
  buttons[name] = button;
  controls.append(button);
}
const volume = el('input', 'volume');
volume.type = 'range';
volume.min = '0';
volume.max = '100';
volume.step = '5';
const volumeLabel = el('label', 'volume-label');
volumeLabel.append(icon('volume'), volume);
controls.append(volumeLabel);

const player = el('section', 'player');
player.setAttribute('aria-label', texts.player);
const body = el('div', 'body');
body.append(info, bar, times, controls);
player.append(coverBox, body);

const queueSection = el('details', 'queue');
queueSection.append(el('summary', undefined, texts.upNext));
const queueNotice = el('p', 'notice');
queueNotice.setAttribute('role', 'status');
const queueList = el('ol', 'queue-list');
queueList.setAttribute('aria-label', texts.upNextHelp);
queueSection.append(queueNotice, queueList);

const lyricsSection = el('details', 'lyrics');
lyricsSection.open = true;
lyricsSection.append(el('summary', undefined, texts.lyrics));
const lyricsBody = el('div', 'lyrics-body');
lyricsSection.append(lyricsBody);
lyricsSection.hidden = true;

root.append(notice, player, queueSection, lyricsSection);

let model: NowPlayingModel | undefined;
let modelAt = 0;
let lyrics: LyricsModel = { kind: 'off' };
let lyricLines: HTMLElement[] = [];
let currentLyric = -1;

function position(): number {
  if (!model) return 0;
  const duration = model.track?.durationMs ?? 0;
  const moved = model.positionMs + (model.isPlaying ? performance.now() - modelAt : 0);
  return duration ? Math.min(moved, duration) : moved;
}

function usable(name: ControlName): boolean {
  return !!model && !model.controls[name].why;
}

function describe(node: HTMLElement, control: ControlModel): void {
  node.setAttribute('aria-label', control.label);
  node.title = control.why ? fillPlaceholders(texts.controlWhy, [control.label, control.why]) : control.label;
  node.setAttribute('aria-disabled', String(!!control.why));
  if (control.why) node.setAttribute('aria-description', control.why);
  else node.removeAttribute('aria-description');
}

function render(): void {
  const m = model!;
  notice.textContent = m.notice ?? '';
  notice.hidden = !m.notice;
  const track = m.track;
  player.hidden = !track && !m.isAd;
  title.textContent = track?.title ?? (m.isAd ? texts.advertisement : '');
  artists.textContent = track?.artists ?? '';
  album.textContent = track?.album ?? '';
  album.hidden = !track?.album;
  if (track?.coverUrl) {
    if (cover.src !== track.coverUrl) cover.src = track.coverUrl;
    cover.alt = fillPlaceholders(texts.coverOf, [track.album ?? track.title]);
    coverBox.hidden = false;
  } else {
    cover.removeAttribute('src');
    coverBox.hidden = true;
  }
  const on = m.source === 'local' ? texts.onThisComputer : texts.on;
  deviceName.textContent = m.device ? fillPlaceholders(on, [m.device.name]) : m.source === 'local' ? texts.thisComputer : '';
  describe(deviceButton, m.controls.device);
  bar.setAttribute('aria-valuemax', String(track?.durationMs ?? 0));
  describe(bar, m.controls.seek);
  bar.setAttribute('aria-label', texts.position);
  buttons.playPause.replaceChildren(icon(m.isPlaying ? 'pause' : 'play', !m.isPlaying));
  buttons.previous.replaceChildren(icon('previous', true));
  buttons.next.replaceChildren(icon('next', true));
  buttons.shuffle.replaceChildren(icon('shuffle'));
  buttons.repeat.replaceChildren(icon(m.repeat === 'track' ? 'repeatTrack' : 'repeat'));
  buttons.like.replaceChildren(icon('heart', !!m.liked));
  for (const name of Object.keys(buttons) as (keyof typeof buttons)[]) describe(buttons[name], m.controls[name]);
  buttons.shuffle.setAttribute('aria-pressed', String(m.shuffle));
  buttons.repeat.setAttribute('aria-pressed', String(m.repeat !== 'off'));
  if (m.liked !== undefined) buttons.like.setAttribute('aria-pressed', String(m.liked));
  else buttons.like.removeAttribute('aria-pressed');
  describe(volume, m.controls.volume);
  volume.disabled = !!m.controls.volume.why;
  if (document.activeElement !== volume) volume.value = String(m.device?.volumePercent ?? 0);
  tick();
}

/** The position, the bar and the lyrics line, moved on locally. */
function tick(): void {
  if (!model) return;
  const now = position();
  const duration = model.track?.durationMs ?? 0;
  barFill.style.width = duration ? `${(100 * now) / duration}%` : '0%';
  elapsed.textContent = formatTime(now);
  total.textContent = formatTime(duration);
  bar.setAttribute('aria-valuenow', String(Math.round(now)));
  bar.setAttribute('aria-valuetext', fillPlaceholders(texts.positionOf, [formatTime(now), formatTime(duration)]));
  if (lyrics.kind === 'synced') showLyricAt(now);
}

function seek(positionMs: number): void {
  const duration = model?.track?.durationMs ?? 0;
  if (!usable('seek') || !duration) return;
  post({ type: 'seek', positionMs: Math.round(Math.min(duration, Math.max(0, positionMs))) });
}

bar.addEventListener('click', (event) => {
  const rect = bar.getBoundingClientRect();
  seek(((event.clientX - rect.left) / rect.width) * (model?.track?.durationMs ?? 0));
});
bar.addEventListener('keydown', (event) => {
  const steps: Record<string, number> = { ArrowRight: SEEK_KEY_STEP_MS, ArrowUp: SEEK_KEY_STEP_MS, ArrowLeft: -SEEK_KEY_STEP_MS, ArrowDown: -SEEK_KEY_STEP_MS };
  if (event.key in steps) seek(position() + steps[event.key]);
  else if (event.key === 'Home') seek(0);
  else return;
  event.preventDefault();
});
deviceButton.addEventListener('click', () => {
  if (usable('device')) post({ type: 'command', command: 'selectDevice' });
});
volume.addEventListener('change', () => post({ type: 'volume', percent: Number(volume.value) }));
queueSection.addEventListener('toggle', () => post({ type: 'queueOpen', open: queueSection.open }));

function renderQueue(queue: QueueModel): void {
  queueNotice.textContent = queue.notice ?? '';
  queueNotice.hidden = !queue.notice;
  queueList.replaceChildren(
    ...queue.rows.map((row, index) => {
      const item = el('li', 'queue-item');
      item.tabIndex = 0;
      item.append(el('span', 'queue-title', row.title), el('span', 'queue-artists', row.artists), el('span', 'queue-time', formatTime(row.durationMs)));
      item.setAttribute('aria-label', fillPlaceholders(texts.queueRow, [row.title, row.artists, formatTime(row.durationMs)]));
      const play = () => post({ type: 'playQueued', index });
      item.addEventListener('dblclick', play);
      item.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') play();
      });
      return item;
    }),
  );
}

function renderLyrics(): void {
  lyricsSection.hidden = lyrics.kind === 'off';
  lyricLines = [];
  currentLyric = -1;
  switch (lyrics.kind) {
    case 'loading':
      lyricsBody.replaceChildren(el('p', 'notice', texts.lookingForLyrics));
      return;
    case 'synced':
      lyricLines = lyrics.lines.map(({ atMs, text }) => {
        const line = el('p', 'lyric', text);
        // A line is a place in the track: a click or Enter goes there, where seeking is allowed.
        line.tabIndex = 0;
        line.addEventListener('click', () => seek(atMs));
        line.addEventListener('keydown', (event) => {
          if (event.key === 'Enter') seek(atMs);
        });
        return line;
      });
      lyricsBody.replaceChildren(...lyricLines);
      tick();
      return;
    case 'plain':
      lyricsBody.replaceChildren(el('p', 'lyrics-plain', lyrics.text));
      return;
    case 'none':
      lyricsBody.replaceChildren(el('p', 'notice', lyrics.text));
      return;
    default:
      lyricsBody.replaceChildren();
  }
}

/** The last line whose time has come, highlighted and kept in view. */
function showLyricAt(positionMs: number): void {
  if (lyrics.kind !== 'synced') return;
  const index = currentLine(lyrics.lines, positionMs);
  if (index === currentLyric) return;
  lyricLines[currentLyric]?.classList.remove('current');
  lyricLines[currentLyric]?.removeAttribute('aria-current');
  currentLyric = index;
  const line = lyricLines[index];
  if (!line) return;
  line.classList.add('current');
  line.setAttribute('aria-current', 'true');
  // Only the lyrics box scrolls (scrollIntoView would scroll the page too, taking the player away).
  const top = line.offsetTop - (lyricsBody.clientHeight - line.offsetHeight) / 2;
  if (lyricsSection.open) lyricsBody.scrollTo({ top, behavior: reducedMotion.matches ? 'auto' : 'smooth' });
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  const message = event.data;
  if (message.type === 'state') {
    model = message.model;
    modelAt = performance.now();
    render();
  } else if (message.type === 'queue') {
    renderQueue(message.queue);
  } else if (message.type === 'lyrics') {
    lyrics = message.lyrics;
    renderLyrics();
  }
});

setInterval(tick, 250);
post({ type: 'ready' });
