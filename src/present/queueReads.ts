// When the Now Playing view reads Spotify's queue: only while its Up next section is open and the
// view is visible, and at most once per item playing (the queue moves on when the track does).
// A failed read counts too: a spent budget is not asked again until the track changes.

export class QueueReads {
  private open = false;
  private visible = false;
  private readFor: string | undefined;

  setOpen(open: boolean): void {
    this.open = open;
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
  }

  /** True when a read is due for `itemKey` (the item playing); it then counts as read. */
  take(itemKey: string | undefined): boolean {
    if (!this.open || !this.visible || itemKey === undefined || itemKey === this.readFor) return false;
    this.readFor = itemKey;
    return true;
  }
}
