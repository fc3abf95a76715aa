import { Clock } from '../clock';
import { Catalogue } from './catalogue';
import { Library } from './library';
import { WebObjects } from './objects';
import { Player } from './player';

/** Everything simulated about the user's Spotify: catalogue, player, saved items. */
export class World {
  readonly catalogue = new Catalogue();
  readonly objects: WebObjects;
  readonly player: Player;
  readonly library: Library;

  constructor(readonly clock: Clock, readonly apiUrl: () => string, stateLagMs: () => number | 'random', onlineDevices: () => readonly string[]) {
    this.objects = new WebObjects(this.catalogue, apiUrl);
    this.player = new Player(this.catalogue, clock, stateLagMs, onlineDevices);
    // The user already likes a couple of songs, like any real account.
    this.library = new Library([this.catalogue.trackByName('Glory Box').uri, this.catalogue.trackByName('Angel').uri]);
  }

  reset(): void {
    this.player.reset();
    this.library.reset();
  }
}
