/** The user's saved items ("liked"), by URI, in the order they were saved. */
export class Library {
  private saved = new Set<string>();

  constructor(private readonly initial: readonly string[] = []) {
    this.reset();
  }

  reset(): void {
    this.saved = new Set(this.initial);
  }

  save(uris: string[]): void {
    for (const uri of uris) this.saved.add(uri);
  }

  remove(uris: string[]): void {
    for (const uri of uris) this.saved.delete(uri);
  }

  contains(uris: string[]): boolean[] {
    return uris.map((uri) => this.saved.has(uri));
  }

  list(): string[] {
    return [...this.saved];
  }
}
