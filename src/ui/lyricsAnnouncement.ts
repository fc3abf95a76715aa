import * as vscode from 'vscode';
import { lyricsSharingText, whenTurnedOn } from '../present/lyricsNotice';
import { lyricsEnabled, readLyricsUrl } from '../vscode/settings/lyricsSettings';
import { onSettingChanged } from '../vscode/settings/settings';

/** One information message each time `backbeat.lyrics` turns on, naming what is sent and where. */
export function announceLyricsWhenTurnedOn(): vscode.Disposable {
  return onSettingChanged(['lyrics'], whenTurnedOn(lyricsEnabled, announce));
}

function announce(): void {
  let host: string;
  try {
    host = new URL(readLyricsUrl()).host;
  } catch (error) {
    // A refused backbeat.lyricsUrl sends nothing: say what to fix instead.
    void vscode.window.showWarningMessage((error as Error).message);
    return;
  }
  void vscode.window.showInformationMessage(lyricsSharingText(host));
}
