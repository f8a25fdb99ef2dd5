/**
 * The query string `search` (e.g. `page.url.search`) with `set` set and `drop` removed, as `?…`:
 * for links that keep a page's filters and change one thing (another page of a list, the
 * responses behind a figure).
 */
export function withParams(
	search: string,
	set: Record<string, string>,
	drop: readonly string[] = []
): string {
	const params = new URLSearchParams(search);
	for (const name of drop) {
		params.delete(name);
	}
	for (const [name, value] of Object.entries(set)) {
		params.set(name, value);
	}
	return `?${params}`;
}
