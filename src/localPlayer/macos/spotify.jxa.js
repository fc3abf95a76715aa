// Spotify on macOS for Backbeat, in JavaScript for Automation. Run it by hand to see what Backbeat sees:
//   osascript -l JavaScript spotify.jxa.js watch      one JSON line now and one per change, until stopped
//   osascript -l JavaScript spotify.jxa.js state      one JSON line
//   osascript -l JavaScript spotify.jxa.js playpause  (or play, pause, next, previous, seek <seconds>, open <spotify URI>)
// It never launches Spotify: it checks that Spotify runs before every use ("tell application" would
// start it). The first use asks macOS for permission to control Spotify (Automation).
ObjC.import('Foundation');

var CAN = { playPause: true, next: true, previous: true, seek: true, openUri: true, position: true };

function print(object) {
  var line = $(JSON.stringify(object) + '\n');
  $.NSFileHandle.fileHandleWithStandardOutput.writeData(line.dataUsingEncoding($.NSUTF8StringEncoding));
}

function spotify() {
  var app = Application('Spotify');
  return app.running() ? app : null;
}

function read() {
  var app = spotify();
  if (!app) return { running: false };
  var status = app.playerState();
  var track = app.currentTrack;
  var title = track.name();
  if (!title) return { running: true, status: 'stopped', can: CAN };
  return {
    running: true,
    status: status,
    title: title,
    artists: [track.artist()],
    album: track.album(),
    artUrl: track.artworkUrl(),
    uri: track.id(),
    durationMs: track.duration(),
    positionMs: Math.round(app.playerPosition() * 1000),
    can: CAN,
  };
}

/** Runs `work`; macOS's "not authorized" (-1743) becomes a line saying what to do. */
function safely(work) {
  try {
    return work();
  } catch (error) {
    if (error.errorNumber === -1743) {
      print({ problem: 'automation', message: 'macOS does not let VS Code control Spotify. Allow it in System Settings > Privacy & Security > Automation.' });
    } else {
      print({ problem: 'script', message: String(error) });
    }
    return undefined;
  }
}

function watch() {
  var last = '';
  function report() {
    var state = safely(read);
    var line = JSON.stringify(state);
    if (state && line !== last) {
      last = line;
      print(state);
    }
  }
  report();
  var pushed = false;
  try {
    ObjC.registerSubclass({
      name: 'BackbeatSpotifyObserver',
      methods: { 'changed:': { types: ['void', ['id']], implementation: function () { report(); } } },
    });
    $.NSDistributedNotificationCenter.defaultCenter.addObserverSelectorNameObject(
      $.BackbeatSpotifyObserver.alloc.init, 'changed:', 'com.spotify.client.PlaybackStateChanged', $());
    pushed = true;
  } catch (error) {
    print({ polling: true });
  }
  for (;;) {
    // Notifications arrive while the run loop runs. Every few seconds: did Spotify start or quit?
    // The heartbeat line also ends this script once Backbeat is gone (writing to a closed pipe).
    $.NSRunLoop.currentRunLoop.runUntilDate($.NSDate.dateWithTimeIntervalSinceNow(pushed ? 5 : 2));
    if (!pushed || (spotify() !== null) !== (last.indexOf('"running":true') >= 0)) report();
    print({ alive: true });
  }
}

function command(verb, argument) {
  var app = spotify();
  if (!app) throw new Error('Spotify is not running');
  switch (verb) {
    case 'playpause': app.playpause(); break;
    case 'play': app.play(); break;
    case 'pause': app.pause(); break;
    case 'next': app.nextTrack(); break;
    case 'previous': app.previousTrack(); break;
    case 'seek': app.playerPosition = Number(argument); break;
    case 'open': app.playTrack(argument); break;
    default: throw new Error('unknown command ' + verb);
  }
}

function run(argv) {
  var verb = argv[0] || 'state';
  if (verb === 'watch') return watch();
  if (verb === 'state') return void safely(function () { print(read()); });
  command(verb, argv[1]);
}
