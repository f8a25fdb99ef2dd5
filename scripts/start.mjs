// `npm start`: builds when the build is missing or older than the sources, then serves it.
// The server migrates the database and loads the demo on its first start (see src/hooks.server.ts).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { quietBuild } from './quiet-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'build', 'handler.js');

function newestMtime(target) {
	const stat = statSync(target);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(target)) {
		newest = Math.max(newest, newestMtime(path.join(target, entry)));
	}
	return newest;
}

const sources = ['src', 'static', 'svelte.config.js', 'vite.config.ts', 'package-lock.json']
	.map((p) => path.join(root, p))
	.filter(existsSync);
const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
if (stale) {
	console.log('Xinkan: building the app (first start or sources changed)…');
	const status = quietBuild();
	if (status !== 0) process.exit(status);
}

process.env.PORT ||= '3000';
// adapter-node assumes https without ORIGIN, which would refuse every form POST over plain http.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
process.chdir(root);
console.log(
	`Xinkan: serving ${process.env.ORIGIN} (database: ${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite in ' + (process.env.XINKAN_DATA_DIR || './data')})`
);
await import(path.join(root, 'scripts', 'serve.mjs'));
