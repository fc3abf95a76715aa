# Spotify on Windows for Backbeat, through the system media transport controls (SMTC).
# Run it by hand to see what Backbeat sees (Windows PowerShell 5.1, present on Windows 10 and 11;
# PowerShell 7 cannot load these WinRT types):
#   powershell -NoProfile -ExecutionPolicy Bypass -File smtc.ps1
# It prints one JSON line now and one per media, playback or timeline change of Spotify's session,
# and reads commands on stdin, one per line: "<id> playpause|play|pause|next|previous|seek <ms>",
# answering each with {"ack":<id>,"ok":true|false}. It ends when stdin closes.
$ErrorActionPreference = 'Stop'
Add-Type -AssemblyName System.Runtime.WindowsRuntime
$null = [Windows.Media.Control.GlobalSystemMediaTransportControlsSessionManager, Windows.Media.Control, ContentType = WindowsRuntime]

$asTask = [System.WindowsRuntimeSystemExtensions].GetMethods() | Where-Object {
  $_.Name -eq 'AsTask' -and $_.GetParameters().Count -eq 1 -and $_.GetParameters()[0].ParameterType.Name -eq 'IAsyncOperation`1'
} | Select-Object -First 1

function Await($operation, [Type] $resultType) {
  $task = $asTask.MakeGenericMethod($resultType).Invoke($null, @($operation))
  $null = $task.Wait(5000)
  $task.Result
}

function Write-Line($object) {
  [Console]::Out.WriteLine(($object | ConvertTo-Json -Compress -Depth 4))
  [Console]::Out.Flush()
}

$manager = Await ([Windows.Media.Control.GlobalSystemMediaTransportControlsSessionManager]::RequestAsync()) `
  ([Windows.Media.Control.GlobalSystemMediaTransportControlsSessionManager])

# The classic installer's id is Spotify.exe; the Microsoft Store build's is SpotifyAB.SpotifyMusic_...!Spotify.
function Find-Spotify {
  $manager.GetSessions() | Where-Object { $_.SourceAppUserModelId -match 'Spotify' } | Select-Object -First 1
}

function Read-State($session) {
  if ($null -eq $session) { return @{ running = $false } }
  $media = Await ($session.TryGetMediaPropertiesAsync()) ([Windows.Media.Control.GlobalSystemMediaTransportControlsSessionMediaProperties])
  $playback = $session.GetPlaybackInfo()
  $timeline = $session.GetTimelineProperties()
  $status = switch ($playback.PlaybackStatus.ToString()) { 'Playing' { 'playing' } 'Paused' { 'paused' } default { 'stopped' } }
  # SMTC gives the position as of LastUpdatedTime: bring it to now while playing.
  $position = $timeline.Position.TotalMilliseconds
  if ($status -eq 'playing') { $position += ([DateTimeOffset]::Now - $timeline.LastUpdatedTime).TotalMilliseconds }
  $controls = $playback.Controls
  @{
    running    = $true
    status     = $status
    title      = $media.Title
    artists    = @($media.Artist)
    album      = $media.AlbumTitle
    durationMs = [int64]($timeline.EndTime - $timeline.StartTime).TotalMilliseconds
    positionMs = [int64][Math]::Max(0, $position)
    can        = @{
      playPause = $controls.IsPlayPauseToggleEnabled; next = $controls.IsNextEnabled; previous = $controls.IsPreviousEnabled
      seek = $controls.IsPlaybackPositionEnabled; openUri = $false; position = $true
    }
  }
}

$last = ''
function Report {
  $line = (Read-State $script:session) | ConvertTo-Json -Compress -Depth 4
  if ($line -ne $script:last) { $script:last = $line; [Console]::Out.WriteLine($line); [Console]::Out.Flush() }
}

function Watch-Session {
  Get-EventSubscriber | Where-Object { $_.SourceIdentifier -like 'spotify.*' } | Unregister-Event
  $script:session = Find-Spotify
  if ($null -ne $script:session) {
    foreach ($name in 'MediaPropertiesChanged', 'PlaybackInfoChanged', 'TimelinePropertiesChanged') {
      $null = Register-ObjectEvent -InputObject $script:session -EventName $name -SourceIdentifier "spotify.$name"
    }
  }
  Report
}

function Invoke-Command($line) {
  $id, $verb, $argument = $line -split ' ', 3
  try {
    if ($null -eq $script:session) { throw 'Spotify is not running' }
    $operation = switch ($verb) {
      'playpause' { $script:session.TryTogglePlayPauseAsync() }
      'play' { $script:session.TryPlayAsync() }
      'pause' { $script:session.TryPauseAsync() }
      'next' { $script:session.TrySkipNextAsync() }
      'previous' { $script:session.TrySkipPreviousAsync() }
      'seek' { $script:session.TryChangePlaybackPositionAsync([int64]$argument * 10000) } # ms to 100 ns ticks
      default { throw "unknown command $verb" }
    }
    $accepted = Await $operation ([bool])
    Write-Line @{ ack = [int]$id; ok = [bool]$accepted; error = $(if ($accepted) { $null } else { 'Spotify refused it' }) }
  } catch {
    Write-Line @{ ack = [int]$id; ok = $false; error = "$_" }
  }
}

$null = Register-ObjectEvent -InputObject $manager -EventName SessionsChanged -SourceIdentifier 'sessions'
Watch-Session
$stdin = [Console]::In
$pending = $stdin.ReadLineAsync()
while ($true) {
  if ($pending.IsCompleted) {
    $line = $pending.Result
    if ($null -eq $line) { break } # Backbeat closed stdin (or is gone): end
    if ($line.Trim()) { Invoke-Command $line.Trim() }
    $pending = $stdin.ReadLineAsync()
  }
  $events = @(Get-Event)
  if ($events.Count -gt 0) {
    $events | Remove-Event
    if ($events | Where-Object { $_.SourceIdentifier -eq 'sessions' }) { Watch-Session } else { Report }
  }
  Start-Sleep -Milliseconds 100
}
