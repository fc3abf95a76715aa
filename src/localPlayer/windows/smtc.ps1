# Spotify on Windows for Backbeat, through the system media transport controls (SMTC).
# Run it by hand to see what Backbeat sees (Windows PowerShell 5.1, part of Windows 10 and 11;
# PowerShell 7 cannot load these WinRT types):
#   powershell -NoProfile -ExecutionPolicy Bypass -File smtc.ps1
# It writes JSON lines in UTF-8: {"polling":true}, Spotify's state now and whenever it changes,
# {"alive":true} every 2 s while idle and at least every 5 s (a command's wait stretches the gap),
# and {"problem":"unsupported",...} before it ends where the media controls cannot load. It
# reads the session every second: Windows PowerShell cannot subscribe to WinRT events
# (PowerShell/PowerShell#2181). It reads commands on stdin, one per line:
#   <id> playpause|play|pause|next|previous|seek <ms>
# and answers each with {"ack":<id>,"ok":true} or {"ack":<id>,"ok":false,"error":"..."}. It ends
# when stdin closes. BACKBEAT_SMTC_APP (a regular expression) picks another app's session by its
# SourceAppUserModelId, for tests. Nothing may block: every wait has a time limit and its result
# is checked, and an error is reported and outlived.
$ErrorActionPreference = 'Stop'

$HeartbeatMs = 2000
$ReadEveryMs = 1000
$AwaitMs = 2000

# UTF-8 without a byte order mark: Backbeat decodes UTF-8, and a BOM would spoil the first line.
$utf8 = New-Object Text.UTF8Encoding $false
try { [Console]::OutputEncoding = $utf8 } catch { $null = $_ } # no console: the writer below is UTF-8 anyway
$out = New-Object IO.StreamWriter([Console]::OpenStandardOutput(), $utf8)
$out.AutoFlush = $true
# Not Console.In: in Windows PowerShell its ReadLineAsync blocks until a line arrives.
$stdin = New-Object IO.StreamReader([Console]::OpenStandardInput(), $utf8)

function Write-Line($object) {
  $out.WriteLine(($object | ConvertTo-Json -Compress -Depth 4))
}

$lastAlive = [DateTime]::MinValue
function Send-Alive {
  if (([DateTime]::UtcNow - $script:lastAlive).TotalMilliseconds -ge $HeartbeatMs) {
    $script:lastAlive = [DateTime]::UtcNow
    $out.WriteLine('{"alive":true}')
  }
}

# Each kind of problem is told once; the script carries on.
$told = @{}
function Send-Problem([string] $kind, [string] $message) {
  if ($told.ContainsKey($kind)) { return }
  $told[$kind] = $true
  Write-Line @{ problem = $kind; message = $message }
}

function Get-MediaType([string] $name) {
  [Type]::GetType("Windows.Media.Control.$name, Windows.Media.Control, ContentType=WindowsRuntime", $true)
}

# Waits for a WinRT IAsyncOperation at most $AwaitMs; a timeout is an error, never a hang.
function Await($operation, [Type] $resultType) {
  Send-Alive
  $task = $asTask.MakeGenericMethod($resultType).Invoke($null, @($operation))
  if ($task.Wait($AwaitMs)) { return $task.Result }
  throw "Windows did not answer within $($AwaitMs / 1000) s"
}

try {
  if ($PSVersionTable.PSEdition -eq 'Core') { throw 'PowerShell 7 cannot load WinRT types: run it with Windows PowerShell 5.1 (powershell.exe)' }
  Add-Type -AssemblyName System.Runtime.WindowsRuntime
  $asTask = [System.WindowsRuntimeSystemExtensions].GetMethods() | Where-Object {
    $_.Name -eq 'AsTask' -and $_.GetParameters().Count -eq 1 -and $_.GetParameters()[0].ParameterType.Name -eq 'IAsyncOperation`1'
  } | Select-Object -First 1
  if ($null -eq $asTask) { throw 'this .NET has no AsTask for WinRT operations' }
  $managerType = Get-MediaType 'GlobalSystemMediaTransportControlsSessionManager'
  $mediaPropertiesType = Get-MediaType 'GlobalSystemMediaTransportControlsSessionMediaProperties'
  $manager = Await ($managerType::RequestAsync()) $managerType
} catch {
  Write-Line @{ problem = 'unsupported'; message = "Windows media controls (SMTC, Windows 10 1809 or later) are not available: $($_.Exception.Message)" }
  exit 0
}

# The classic installer's app id, and the Microsoft Store build's.
$app = New-Object Text.RegularExpressions.Regex('^(Spotify\.exe|SpotifyAB\.SpotifyMusic_zpdnekdrzrea0!Spotify)$', 'IgnoreCase')
if ($env:BACKBEAT_SMTC_APP) { $app = New-Object Text.RegularExpressions.Regex($env:BACKBEAT_SMTC_APP, 'IgnoreCase') }

function Find-Session {
  foreach ($candidate in $manager.GetSessions()) {
    if ($app.IsMatch($candidate.SourceAppUserModelId)) { return $candidate }
  }
  $null
}

$statusNames = @{ Playing = 'playing'; Paused = 'paused' }

# The session's state as Backbeat reads it, and a key that changes when anything but the
# estimated position does.
function Read-State($session) {
  if ($null -eq $session) { return @{ key = 'none'; state = @{ running = $false } } }
  $media = Await ($session.TryGetMediaPropertiesAsync()) $mediaPropertiesType
  $playback = $session.GetPlaybackInfo()
  $timeline = $session.GetTimelineProperties()
  $controls = $playback.Controls
  $status = $statusNames[$playback.PlaybackStatus.ToString()]
  if ($null -eq $status) { $status = 'stopped' }
  $durationMs = ($timeline.EndTime - $timeline.StartTime).TotalMilliseconds
  # SMTC gives the position as of LastUpdatedTime, and Spotify refreshes it only every few
  # seconds: bring it to now while playing.
  $positionMs = ($timeline.Position - $timeline.StartTime).TotalMilliseconds
  if ($status -eq 'playing') {
    $rate = 1.0
    if ($playback.PlaybackRate) { $rate = $playback.PlaybackRate }
    $positionMs += ([DateTimeOffset]::Now - $timeline.LastUpdatedTime).TotalMilliseconds * $rate
  }
  if ($durationMs -gt 0) { $positionMs = [Math]::Min($positionMs, $durationMs) }
  $can = @{
    playPause = $controls.IsPlayPauseToggleEnabled -or $controls.IsPlayEnabled -or $controls.IsPauseEnabled
    next = $controls.IsNextEnabled
    previous = $controls.IsPreviousEnabled
    seek = $controls.IsPlaybackPositionEnabled
    openUri = $false
    position = $true
  }
  $key = @($status, $media.Title, $media.Artist, $media.AlbumTitle, $durationMs, $timeline.Position.Ticks,
    $timeline.LastUpdatedTime.UtcTicks, $can.playPause, $can.next, $can.previous, $can.seek) -join '|'
  @{
    key = $key
    state = @{
      running = $true
      status = $status
      title = $media.Title
      artists = @($media.Artist)
      album = $media.AlbumTitle
      durationMs = [int64] $durationMs
      positionMs = [int64] [Math]::Max(0, $positionMs)
      can = $can
    }
  }
}

$session = $null
$lastKey = ''
function Report {
  try {
    $script:session = Find-Session
    $reading = Read-State $script:session
    if ($reading.key -ne $script:lastKey) {
      $script:lastKey = $reading.key
      Write-Line $reading.state
    }
  } catch {
    Send-Problem 'readFailed' "Reading the media session failed: $($_.Exception.Message)"
    # What was shown last may be stale now: say Spotify cannot be seen, so Backbeat reads the Web
    # API, until a read works again.
    if ($script:lastKey -ne 'failed') {
      $script:lastKey = 'failed'
      Write-Line @{ running = $false }
    }
  }
}

function Get-PlayPause($session) {
  $playback = $session.GetPlaybackInfo()
  if ($playback.Controls.IsPlayPauseToggleEnabled) { return $session.TryTogglePlayPauseAsync() }
  if ($playback.PlaybackStatus.ToString() -eq 'Playing') { return $session.TryPauseAsync() }
  $session.TryPlayAsync()
}

function Invoke-Order([string] $line) {
  if ($line -notmatch '^(\d{1,9}) ([a-z]+)(?: (\d{1,12}))?$') {
    Send-Problem 'badCommand' 'A command line was not understood.'
    return
  }
  $id = [int] $Matches[1]
  $verb = $Matches[2]
  $argument = $Matches[3]
  try {
    $session = $script:session
    if ($null -eq $session) { throw 'Spotify is not running' }
    $operation = switch ($verb) {
      'playpause' { Get-PlayPause $session }
      'play' { $session.TryPlayAsync() }
      'pause' { $session.TryPauseAsync() }
      'next' { $session.TrySkipNextAsync() }
      'previous' { $session.TrySkipPreviousAsync() }
      'seek' { $session.TryChangePlaybackPositionAsync([int64] $argument * 10000) } # ms to 100 ns ticks
      default { throw "unknown command $verb" }
    }
    if (Await $operation ([bool])) {
      Write-Line @{ ack = $id; ok = $true }
    } else {
      Write-Line @{ ack = $id; ok = $false; error = 'Spotify refused it' }
    }
  } catch {
    Write-Line @{ ack = $id; ok = $false; error = $_.Exception.Message }
  }
  # Show the command's effect soon rather than at the next regular read.
  $script:nextRead = [DateTime]::UtcNow.AddMilliseconds(250)
}

Write-Line @{ polling = $true }
$nextRead = [DateTime]::UtcNow
$pending = $stdin.ReadLineAsync()
while ($true) {
  Send-Alive
  if ([DateTime]::UtcNow -ge $nextRead) {
    Report
    $nextRead = [DateTime]::UtcNow.AddMilliseconds($ReadEveryMs)
  }
  $untilRead = [int] [Math]::Max(0, ($nextRead - [DateTime]::UtcNow).TotalMilliseconds)
  # A failed read of stdin throws here and ends the script: Backbeat is gone.
  if ($pending.Wait([Math]::Min($untilRead, $HeartbeatMs))) {
    $line = $pending.Result
    if ($null -eq $line) { break } # stdin closed: Backbeat stopped the helper
    if ($line.Trim()) { Invoke-Order $line.Trim() }
    $pending = $stdin.ReadLineAsync()
  }
}
