# A music app for the desktop-helpers workflow: publishes one media session on Windows' media
# controls (SMTC) through Windows.Media.Playback.MediaPlayer, with the commands handled by hand
# (no audio device needed), for smtc.ps1 to follow. Windows PowerShell 5.1:
#   powershell -NoProfile -ExecutionPolicy Bypass -File publishMediaSession.ps1
# The first track's title and artist come from BACKBEAT_TEST_TITLE and BACKBEAT_TEST_ARTIST (the
# environment carries any character; this file stays ASCII, which PowerShell 5.1 reads safely).
# It writes JSON lines: {"published":[app ids of the sessions Windows lists]}, then
# {"button":"Pause"} for each command it obeys. On stdin, "title <text>" shows another track;
# it ends when stdin closes.
$ErrorActionPreference = 'Stop'
$utf8 = New-Object Text.UTF8Encoding $false
$out = New-Object IO.StreamWriter([Console]::OpenStandardOutput(), $utf8)
$out.AutoFlush = $true
$stdin = New-Object IO.StreamReader([Console]::OpenStandardInput(), $utf8)

function Write-Line($object) {
  $out.WriteLine(($object | ConvertTo-Json -Compress))
}

function Get-WinRtType([string] $name, [string] $namespace) {
  [Type]::GetType("$name, $namespace, ContentType=WindowsRuntime", $true)
}

# Register-ObjectEvent cannot subscribe to WinRT events in Windows PowerShell; C# can. The
# handler only queues the event's arguments, for the loop below to read.
Add-Type -AssemblyName System.Runtime.WindowsRuntime
Add-Type -ReferencedAssemblies System.Core -TypeDefinition @'
using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices.WindowsRuntime;

public class WinRtEventQueue {
  public readonly ConcurrentQueue<object> Received = new ConcurrentQueue<object>();

  public void Add(object args) { Received.Enqueue(args); }

  public void Subscribe(object source, string eventName) {
    EventInfo info = source.GetType().GetEvent(eventName);
    Type handlerType = info.EventHandlerType;
    ParameterExpression[] parameters = handlerType.GetMethod("Invoke").GetParameters()
      .Select(p => Expression.Parameter(p.ParameterType)).ToArray();
    Expression body = Expression.Call(Expression.Constant(this), "Add", null, Expression.Convert(parameters[1], typeof(object)));
    Delegate handler = Expression.Lambda(handlerType, body, parameters).Compile();
    Delegate add = Delegate.CreateDelegate(typeof(Func<,>).MakeGenericType(handlerType, typeof(EventRegistrationToken)), source, info.GetAddMethod());
    Delegate remove = Delegate.CreateDelegate(typeof(Action<EventRegistrationToken>), source, info.GetRemoveMethod());
    typeof(WindowsRuntimeMarshal).GetMethod("AddEventHandler").MakeGenericMethod(handlerType)
      .Invoke(null, new object[] { add, remove, handler });
  }
}
'@

$player = [Activator]::CreateInstance((Get-WinRtType 'Windows.Media.Playback.MediaPlayer' 'Windows.Media.Playback'))
$player.CommandManager.IsEnabled = $false # this script answers the media controls itself
$controls = $player.SystemMediaTransportControls
$controls.IsEnabled = $true
$controls.IsPlayEnabled = $true
$controls.IsPauseEnabled = $true
$controls.IsNextEnabled = $true
$controls.IsPreviousEnabled = $true
$timelineType = Get-WinRtType 'Windows.Media.SystemMediaTransportControlsTimelineProperties' 'Windows.Media'

function Show-Track([string] $title) {
  $display = $controls.DisplayUpdater
  $display.Type = 'Music'
  $display.MusicProperties.Title = $title
  $display.MusicProperties.Artist = $env:BACKBEAT_TEST_ARTIST
  $display.MusicProperties.AlbumTitle = 'Takk...'
  $display.Update()
  $timeline = [Activator]::CreateInstance($timelineType)
  $timeline.StartTime = [TimeSpan]::Zero
  $timeline.MinSeekTime = [TimeSpan]::Zero
  $timeline.EndTime = [TimeSpan]::FromMilliseconds(330573)
  $timeline.MaxSeekTime = $timeline.EndTime
  $timeline.Position = [TimeSpan]::FromSeconds(61)
  $controls.UpdateTimelineProperties($timeline)
}

$buttons = New-Object WinRtEventQueue
$buttons.Subscribe($controls, 'ButtonPressed')
Show-Track $env:BACKBEAT_TEST_TITLE
$controls.PlaybackStatus = 'Playing'

# Which sessions Windows lists now, to tell a wrong BACKBEAT_SMTC_APP from a missing session.
$managerType = Get-WinRtType 'Windows.Media.Control.GlobalSystemMediaTransportControlsSessionManager' 'Windows.Media.Control'
$asTask = [System.WindowsRuntimeSystemExtensions].GetMethods() | Where-Object {
  $_.Name -eq 'AsTask' -and $_.GetParameters().Count -eq 1 -and $_.GetParameters()[0].ParameterType.Name -eq 'IAsyncOperation`1'
} | Select-Object -First 1
$request = $asTask.MakeGenericMethod($managerType).Invoke($null, @($managerType::RequestAsync()))
$ids = @()
if ($request.Wait(10000)) { $ids = @($request.Result.GetSessions() | ForEach-Object { $_.SourceAppUserModelId }) }
Write-Line @{ published = $ids }

$pending = $stdin.ReadLineAsync()
while ($true) {
  $pressed = $null
  while ($buttons.Received.TryDequeue([ref] $pressed)) {
    $button = $pressed.Button.ToString()
    if ($button -eq 'Play') { $controls.PlaybackStatus = 'Playing' }
    if ($button -eq 'Pause') { $controls.PlaybackStatus = 'Paused' }
    Write-Line @{ button = $button }
  }
  if ($pending.Wait(100)) {
    $line = $pending.Result
    if ($null -eq $line) { break }
    if ($line.StartsWith('title ')) { Show-Track $line.Substring(6) }
    $pending = $stdin.ReadLineAsync()
  }
}
