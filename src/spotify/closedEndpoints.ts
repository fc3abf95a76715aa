// A 429 on an endpoint that has never answered can mean Spotify closed that endpoint to
// development-mode apps, not a rate limit (michaelherger/Spotty-Plugin #213). One such 429 is
// taken as the rate limit it usually is; when the same endpoint is refused again after the wait,
// while other endpoints answered meanwhile, it is named closed, and Backbeat stops asking it.

/** One endpoint: method and path without the query ('GET /me/player/queue'). */
type Endpoint = string;

export class ClosedEndpoints {
  /** Answers other than 429, from any endpoint, so far. */
  private answers = 0;
  private readonly answered = new Set<Endpoint>();
  /** Endpoints refused with a 429 before they ever answered, and how many answers had come by then. */
  private readonly refusedUnanswered = new Map<Endpoint, number>();
  private readonly closed = new Set<Endpoint>();

  isClosed(endpoint: Endpoint): boolean {
    return this.closed.has(endpoint);
  }

  /** The endpoint answered (anything but a 429): it is open to this app. */
  noteAnswer(endpoint: Endpoint): void {
    this.answers++;
    this.answered.add(endpoint);
    this.refusedUnanswered.delete(endpoint);
  }

  /** The endpoint answered a rate-limit 429; true when that shows it closed to this app. */
  noteRefusal(endpoint: Endpoint): boolean {
    if (this.answered.has(endpoint)) return false;
    const answersAtFirstRefusal = this.refusedUnanswered.get(endpoint);
    if (answersAtFirstRefusal !== undefined && this.answers > answersAtFirstRefusal) {
      this.closed.add(endpoint);
      return true;
    }
    this.refusedUnanswered.set(endpoint, this.answers);
    return false;
  }
}
