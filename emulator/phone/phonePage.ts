// The page the emulator serves at its root URL: the user's phone, for trying Backbeat by hand
// (`npm run sandbox`) and for the e2e test. It shows what plays and changes it, and makes
// Spotify misbehave, all through the control API (/__emulator) with its own script: no
// external assets, nothing from the Web API (the phone is not one of Backbeat's clients).
import { CONTROL_PREFIX } from '../controlPrefix';
import { FAULT_BUTTONS } from './faultButtons';

/** Where the emulator serves the page. */
export const PHONE_PATH = '/';

/** Icons drawn in the page itself (fonts may lack the media control characters). */
const ICONS = {
  previous: 'M6 6h2v12H6zM9.5 12 18 18V6z',
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zM14 5h4v14h-4z',
  next: 'M6 6l8.5 6L6 18zM16 6h2v12h-2z',
};

function icon(path: string): string {
  return `<svg viewBox="0 0 24 24" width="24" height="24" fill="currentColor" aria-hidden="true"><path d="${path}"/></svg>`;
}

/** JSON inside a <script> element: `<` escaped so no string in it can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function phonePage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Phone - Spotify (emulator)</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; min-height: 100vh; display: flex; justify-content: center; align-items: flex-start;
    background: #181818; color: #f0f0f0; font: 15px/1.4 system-ui, sans-serif; }
  main { width: 340px; margin: 24px; padding: 20px; border-radius: 28px; background: #242424; box-shadow: 0 0 0 8px #000; }
  h1 { margin: 16px 0 2px; font-size: 22px; }
  h2 { margin: 24px 0 8px; font-size: 14px; text-transform: uppercase; letter-spacing: .05em; color: #b3b3b3; }
  .muted { color: #b3b3b3; margin: 0; }
  #device { font-size: 13px; color: #1ed760; }
  #seek { width: 100%; margin-top: 16px; accent-color: #1ed760; }
  .times { display: flex; justify-content: space-between; font-size: 12px; color: #b3b3b3; }
  .controls { display: flex; justify-content: center; gap: 24px; margin: 12px 0; }
  .controls button { width: 56px; height: 56px; border-radius: 50%; border: none; cursor: pointer; background: #3a3a3a; color: #fff;
    display: flex; align-items: center; justify-content: center; }
  .controls #playPause { background: #fff; color: #000; }
  select { width: 100%; padding: 6px; border-radius: 6px; background: #3a3a3a; color: #fff; border: none; }
  ul { list-style: none; padding: 0; margin: 0; }
  li { margin: 8px 0; }
  li button { padding: 6px 12px; border-radius: 16px; border: 1px solid #777; background: transparent; color: #fff; cursor: pointer; }
  li span { display: block; font-size: 12px; color: #b3b3b3; }
  #status { min-height: 1.4em; font-size: 13px; margin-top: 16px; }
</style>
</head>
<body>
<main aria-label="Phone">
  <p id="device">&nbsp;</p>
  <h1 id="title">&nbsp;</h1>
  <p id="byline" class="muted">&nbsp;</p>
  <input id="seek" type="range" min="0" max="0" step="1000" value="0" aria-label="Position">
  <div class="times"><span id="position">0:00</span><span id="duration">0:00</span></div>
  <div class="controls">
    <button id="previous" aria-label="Previous">${icon(ICONS.previous)}</button>
    <button id="playPause" aria-label="Play">${icon(ICONS.play)}</button>
    <button id="next" aria-label="Next">${icon(ICONS.next)}</button>
  </div>
  <label for="devices" class="muted">Play on</label>
  <select id="devices"></select>
  <h2>Make Spotify misbehave</h2>
  <ul id="faults"></ul>
  <p id="status" role="status"></p>
</main>
<script>
'use strict';
const CONTROL = ${scriptJson(CONTROL_PREFIX)};
const FAULTS = ${scriptJson(FAULT_BUTTONS)};
const PLAY_ICON = ${scriptJson(icon(ICONS.play))};
const PAUSE_ICON = ${scriptJson(icon(ICONS.pause))};
const REFRESH_MS = 1000;
const TICK_MS = 250;
const $ = (id) => document.getElementById(id);
let shown;
let fetchedAt = 0;
let seeking = false;

async function control(method, path, body = method === 'POST' ? {} : undefined) {
  // Every POST is JSON, even without arguments: the emulator refuses other POSTs.
  const response = await fetch(CONTROL + path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(response.status + ' ' + (await response.text()));
  return response.status === 204 ? undefined : response.json();
}

function say(text) {
  $('status').textContent = text;
}

async function act(what, method, path, body) {
  try {
    await control(method, path, body);
    say(what);
  } catch (error) {
    say(what + ' failed: ' + error.message);
  }
  await refresh();
}

const phone = (action, what) => act(what, 'POST', '/phone', action);

function time(ms) {
  const s = Math.floor(ms / 1000);
  return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
}

/** Moves on between reads, as the phone's own clock would. */
function position() {
  if (!shown) return 0;
  const moved = shown.isPlaying ? Date.now() - fetchedAt : 0;
  return Math.min(shown.progressMs + moved, shown.itemDurationMs || 0);
}

function renderProgress() {
  if (!shown || seeking) return;
  $('seek').value = String(position());
  $('position').textContent = time(position());
}

function render() {
  $('title').textContent = shown.itemName || 'Nothing playing';
  $('byline').textContent = shown.itemByline || '';
  $('device').textContent = shown.deviceName ? (shown.isPlaying ? 'Playing on ' : 'Paused on ') + shown.deviceName : 'No device is active';
  const button = $('playPause');
  button.setAttribute('aria-label', shown.isPlaying ? 'Pause' : 'Play');
  button.innerHTML = shown.isPlaying ? PAUSE_ICON : PLAY_ICON;
  $('seek').max = String(shown.itemDurationMs || 0);
  $('duration').textContent = time(shown.itemDurationMs || 0);
  const select = $('devices');
  const options = shown.devices.map((d) => d.key + (d.isActive ? '*' : '')).join();
  if (select.dataset.options !== options) {
    select.dataset.options = options;
    select.replaceChildren();
    if (!shown.devices.some((d) => d.isActive)) select.append(new Option('Choose a device', '', true, true));
    for (const d of shown.devices) select.append(new Option(d.name + ' (' + d.type + ')', d.key, d.isActive, d.isActive));
  }
  renderProgress();
}

async function refresh() {
  try {
    shown = await control('GET', '/snapshot');
    fetchedAt = Date.now();
    render();
  } catch (error) {
    say('The emulator does not answer: ' + error.message);
  }
}

$('previous').addEventListener('click', () => phone({ type: 'previous' }, 'Previous'));
$('next').addEventListener('click', () => phone({ type: 'next' }, 'Next'));
$('playPause').addEventListener('click', () => (shown && shown.isPlaying ? phone({ type: 'pause' }, 'Paused') : phone({ type: 'play' }, 'Playing')));
$('seek').addEventListener('input', () => {
  seeking = true;
  $('position').textContent = time(Number($('seek').value));
});
$('seek').addEventListener('change', () => {
  seeking = false;
  const positionMs = Number($('seek').value);
  phone({ type: 'seek', positionMs }, 'Moved to ' + time(positionMs));
});
$('devices').addEventListener('change', (event) => {
  const select = event.target;
  if (select.value) phone({ type: 'transfer', device: select.value }, 'Playing on ' + select.selectedOptions[0].textContent);
});
for (const fault of FAULTS) {
  const item = document.createElement('li');
  const button = document.createElement('button');
  button.textContent = fault.label;
  button.addEventListener('click', () => act(fault.label + ': ' + fault.effect, fault.call.method, fault.call.path, fault.call.body));
  const effect = document.createElement('span');
  effect.textContent = fault.effect;
  item.append(button, effect);
  $('faults').append(item);
}

refresh();
setInterval(refresh, REFRESH_MS);
setInterval(renderProgress, TICK_MS);
</script>
</body>
</html>
`;
}
