import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.spec.ts', 'scripts/**/*.spec.ts', 'tests/reliability/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		testTimeout: 30_000,
		hookTimeout: 60_000,
		fileParallelism: true,
		// Two test files at a time on these two-core machines (Vitest's default here is one: cores
		// − 1). Measured on a quiet machine: the whole run 493 s with one, 365 s with two.
		maxWorkers: 2
	}
});
