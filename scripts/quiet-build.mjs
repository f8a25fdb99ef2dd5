// `vite build` with its output held back: someone starting the app or running the tests needs none
// of its ~200 lines of chunk sizes and plugin timings, nor its advice to run `npm run preview`,
// only what went wrong when it fails.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/** Builds the app; shows the build's output only if it fails. Returns the build's exit status. */
export function quietBuild() {
	const result = spawnSync(
		process.execPath,
		[path.join(root, 'node_modules/vite/bin/vite.js'), 'build'],
		// The default 1 MB buffer would kill a build whose log grows past it.
		{ cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
	);
	if (result.status === 0) return 0;
	process.stdout.write(result.stdout ?? '');
	process.stderr.write(result.stderr ?? '');
	if (result.error) console.error(result.error.message);
	return result.status ?? 1;
}
