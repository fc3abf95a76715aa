// Spotify on macOS for Backbeat, in JavaScript for Automation. Run it by hand to see what Backbeat sees:
//   osascript -l JavaScript spotify.jxa.js watch      one JSON line now and one per change, until stopped
//   osascript -l JavaScript spotify.jxa.js state      one JSON line
//   osascript -l JavaScript spotify.jxa.js playpause  (or play, pause, next, previous, seek <seconds>, open <spotify URI>)
// It never launches Spotify: any Apple event to Spotify starts it when it is not running, so it
// checks running() first (which asks macOS, not Spotify), and sends none once Spotify said Stopped,
// which it says as it quits. What plays comes from Spotify's PlaybackStateChanged notification;
// only the cover of a new track is asked for. The first Apple event asks macOS for permission to
// control Spotify (Automation).
ObjC.import('Foundation');

var NOTIFICATION = 'com.spotify.client.PlaybackStateChanged';
var TURN_SECONDS = 0.25; // one turn of the run loop; notifications that come within one are one change
var POLL_SECONDS = 2; // without notifications, Spotify is read this often
var CHECK_MS = 2000; // how often running() is asked whether Spotify started or quit
var HEARTBEAT_MS = 4000; // Backbeat restarts a helper silent for 15 s; once it is gone, the write ends this script
var CAN = { playPause: true, next: true, previous: true, seek: true, openUri: true, position: true };
var NOT_INSTALLED = { problem: 'notInstalled', message: 'Spotify is not installed on this Mac.' };
var AUTOMATION = 'macOS does not let VS Code control Spotify. Allow it in System Settings > Privacy & Security > Automation.';

var app = null;
// Kept as long as the script runs: the notification centre does not retain its observers, and the
// bridge frees an object nothing references; the updates would stop.
var observer = null;
var latest = null; // the newest notification not yet reported: { info, at }
var fresh = false; // it came during this turn (another may follow it)
var quiet = false; // Spotify said Stopped: no Apple event until it says Playing/Paused or has restarted
var lastLine = '';
var told = {};
var cover = { uri: '', url: '' }; // the current track's cover, asked once per track

function print(object) {
  var line = $(JSON.stringify(object) + '\n');
  $.NSFileHandle.fileHandleWithStandardOutput.writeData(line.dataUsingEncoding($.NSUTF8StringEncoding));
}

/** Prints a state unless it is the one printed last. */
function report(state) {
  var line = JSON.stringify(state);
  if (!state || line === lastLine) return;
  lastLine = line;
  print(state);
}

/** Prints a problem once. */
function tell(problem, message) {
  if (told[problem + message]) return;
  told[problem + message] = true;
  print({ problem: problem, message: message });
}

/** Spotify's application object (sends nothing), or null when Spotify is not installed (-2700). */
function spotify() {
  try {
    return Application('Spotify');
  } catch (error) {
    if (error.errorNumber === -2700) return null;
    throw error;
  }
}

/** Runs `work` (Apple events); macOS's "not authorized" (-1743) becomes a line saying what to do. */
function safely(work) {
  try {
    return work();
  } catch (error) {
    if (error.errorNumber === -1743) tell('automation', AUTOMATION);
    else tell('script', String(error));
    return undefined;
  }
}

/** The whole state, by Apple events: only while Spotify runs and has not said Stopped. */
function read() {
  var status = app.playerState();
  var track = app.currentTrack;
  var title = track.name();
  if (!title) return { running: true, status: 'stopped', can: CAN };
  var uri = track.id();
  if (cover.uri !== uri) cover = { uri: uri, url: track.artworkUrl() };
  return {
    running: true,
    status: status,
    title: title,
    artists: [track.artist()],
    album: track.album(),
    artUrl: cover.url || undefined,
    uri: uri,
    durationMs: track.duration(),
    positionMs: Math.round(app.playerPosition() * 1000),
    can: CAN,
  };
}

/** The state a notification tells; only a new track's cover is asked of Spotify (it is playing). */
function fromNotification(info, at) {
  var status = String(info['Player State'] || '').toLowerCase();
  if (status === 'stopped') {
    quiet = true;
    return { running: true, status: 'stopped', can: CAN };
  }
  if (status !== 'playing' && status !== 'paused') return undefined;
  quiet = false;
  if (!info.Name) return safely(read);
  var uri = info['Track ID'] || '';
  if (cover.uri !== uri) cover = { uri: uri, url: safely(function () { return app.currentTrack.artworkUrl(); }) || '' };
  var position = Number(info['Playback Position']) * 1000 || 0;
  if (status === 'playing') position += Date.now() - at;
  return {
    running: true,
    status: status,
    title: info.Name,
    artists: info.Artist ? [info.Artist] : [],
    album: info.Album,
    artUrl: cover.url || undefined,
    uri: uri,
    durationMs: Math.round(Number(info.Duration) || 0),
    positionMs: Math.round(position),
    can: CAN,
  };
}

/** Listens for Spotify's notification; false when this Mac cannot (then Spotify is polled). */
function observe() {
  try {
    ObjC.registerSubclass({
      name: 'BackbeatSpotifyObserver',
      methods: {
        'changed:': {
          types: ['void', ['id']],
          implementation: function (notification) {
            latest = { info: ObjC.deepUnwrap(notification.userInfo) || {}, at: Date.now() };
            fresh = true;
          },
        },
      },
    });
    observer = $.BackbeatSpotifyObserver.alloc.init;
    $.NSDistributedNotificationCenter.defaultCenter.addObserverSelectorNameObject(observer, 'changed:', NOTIFICATION, $());
    return true;
  } catch (error) {
    observer = null;
    return false;
  }
}

/** Waits, taking notifications meanwhile. The run loop returns at once when it has nothing to
 * wait for (no observer), so delay() waits out the rest instead of spinning. */
function wait(seconds) {
  var end = Date.now() + seconds * 1000;
  if (observer) $.NSRunLoop.currentRunLoop.runUntilDate($.NSDate.dateWithTimeIntervalSinceNow(seconds));
  var left = end - Date.now();
  if (left > 0) delay(left / 1000);
}

/** Asks macOS whether Spotify runs; reads it when it just started (or when polling). */
function check(wasRunning, polling) {
  var running = app.running();
  if (!running) report({ running: false });
  else if (!wasRunning) {
    quiet = false;
    report(safely(read));
  } else if (polling && !quiet) report(safely(read));
  return running;
}

function watch() {
  app = spotify();
  if (!app) return print(NOT_INSTALLED);
  var polling = !observe();
  if (polling) print({ polling: true });
  var running = check(false, polling);
  var nextCheck = Date.now() + CHECK_MS;
  var nextBeat = Date.now();
  for (;;) {
    if (Date.now() >= nextBeat) {
      print({ alive: true });
      nextBeat = Date.now() + HEARTBEAT_MS;
    }
    wait(polling ? POLL_SECONDS : TURN_SECONDS);
    if (latest && !fresh) {
      report(fromNotification(latest.info, latest.at));
      latest = null;
    }
    fresh = false;
    if (Date.now() >= nextCheck) {
      running = check(running, polling);
      nextCheck = Date.now() + CHECK_MS;
    }
  }
}

function command(verb, argument) {
  app = spotify();
  if (!app) throw new Error(NOT_INSTALLED.message);
  if (!app.running()) throw new Error('Spotify is not running');
  switch (verb) {
    case 'playpause': app.playpause(); break;
    case 'play': app.play(); break;
    case 'pause': app.pause(); break;
    case 'next': app.nextTrack(); break;
    case 'previous': app.previousTrack(); break;
    case 'seek':
      if (!(Number(argument) >= 0)) throw new Error('seek needs a position in seconds, not ' + argument);
      app.playerPosition = Number(argument);
      break;
    case 'open': app.playTrack(argument); break;
    default: throw new Error('unknown command ' + verb);
  }
}

function run(argv) {
  var verb = argv[0] || 'state';
  if (verb === 'watch') return void watch();
  if (verb !== 'state') return void command(verb, argv[1]);
  app = spotify();
  if (!app) return void print(NOT_INSTALLED);
  safely(function () { print(app.running() ? read() : { running: false }); });
}
