import type { SpotifyClient } from './client';
import type { CatalogueEntry, Page } from './types';

// The user's playlists, kept for the session: they rarely change while VS Code is open, and the
// playlist picker's refresh button asks Spotify again when they did.

export class MyPlaylists {
  private readonly pages = new Map<number, Promise<Page<CatalogueEntry>>>();

  constructor(private readonly client: Pick<SpotifyClient, 'myPlaylists'>) {}

  /** The page starting at `offset`, asked for once per session. Throws Spotify's refusals (and forgets them). */
  page(offset: number): Promise<Page<CatalogueEntry>> {
    let page = this.pages.get(offset);
    if (!page) {
      page = this.client.myPlaylists(offset);
      this.pages.set(offset, page);
      const asked = page;
      asked.catch(() => this.pages.get(offset) === asked && this.pages.delete(offset));
    }
    return page;
  }

  /** The user asked to refresh, or signed in as someone else. */
  forget(): void {
    this.pages.clear();
  }
}
