/** Spotify's offset paging object: {href, items, limit, next, offset, previous, total}. */
export function pagingObject<T>(
  endpoint: string, extraQuery: Record<string, string>, all: readonly T[], offset: number, limit: number,
  render: (item: T) => unknown,
): object {
  const pageUrl = (at: number) => {
    const query = new URLSearchParams({ ...extraQuery, offset: String(at), limit: String(limit) });
    return `${endpoint}?${query.toString()}`;
  };
  return {
    href: pageUrl(offset),
    items: all.slice(offset, offset + limit).map(render),
    limit,
    next: offset + limit < all.length ? pageUrl(offset + limit) : null,
    offset,
    previous: offset > 0 ? pageUrl(Math.max(0, offset - limit)) : null,
    total: all.length,
  };
}
