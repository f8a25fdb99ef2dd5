// The load generator of the benchmarks (`bench:submit`, `bench:cluster`): `concurrency` loops,
// each firing its next request as soon as the last one answered, for `durationS` seconds.

/** Fires requests from `concurrency` loops for `durationS`; a request that throws counts as an error. */
export async function load<T>(concurrency: number, durationS: number, fire: () => Promise<T>) {
	const results: T[] = [];
	let errors = 0;
	const deadline = performance.now() + durationS * 1000;
	const started = performance.now();
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (performance.now() < deadline) {
				try {
					results.push(await fire());
				} catch {
					errors++;
				}
			}
		})
	);
	return { results, errors, elapsed: (performance.now() - started) / 1000 };
}
