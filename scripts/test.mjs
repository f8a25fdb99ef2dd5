// `npm test`: unit and integration tests on PGlite and PostgreSQL (Vitest), then the browser
// tests (Playwright on Debian's Chromium). A missing PostgreSQL or Chromium is reported loudly and
// its part skipped — unless XINKAN_REQUIRE_PG=1 / XINKAN_REQUIRE_BROWSER=1, which make it a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { quietBuild } from './quiet-build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const artifacts = path.join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });

function loud(message) {
	console.warn(`\n${'*'.repeat(78)}\n*** ${message}\n${'*'.repeat(78)}\n`);
}

async function findPostgres() {
	const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
	const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
	try {
		await sql`select 1`;
		return url;
	} catch (e) {
		return { error: e instanceof Error ? e.message : String(e) };
	} finally {
		await sql.end({ timeout: 1 }).catch(() => {});
	}
}

function run(command, args, env = {}) {
	console.log(`\n> ${path.basename(command)} ${args.join(' ')}`);
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	return result.status ?? 1;
}

function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let failed = false;

const pg = await findPostgres();
const env = {};
if (typeof pg === 'string') {
	env.TEST_DATABASE_URL = pg;
	console.log(`PostgreSQL tests run against ${pg.replace(/\/\/[^@]*@/, '//')}`);
} else if (process.env.XINKAN_REQUIRE_PG === '1') {
	loud(`PostgreSQL is required (XINKAN_REQUIRE_PG=1) but unreachable: ${pg.error}`);
	process.exit(1);
} else {
	loud(
		`PostgreSQL unreachable (${pg.error}): PostgreSQL tests are SKIPPED. Set TEST_DATABASE_URL.`
	);
	env.TEST_DATABASE_URL = '';
}

// The reliability suites (tests/reliability) start the production build, so build before testing.
console.log('\n> vite build (its output is shown only if it fails)');
if (quietBuild() !== 0) {
	console.error('The build failed; nothing else can be tested.');
	process.exit(1);
}

const vitestJson = path.join(artifacts, 'vitest.json');
if (
	run(
		bin('vitest'),
		['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
		env
	) !== 0
) {
	failed = true;
}
const vitest = readJson(vitestJson);
if (vitest) {
	totals.passed += vitest.numPassedTests;
	totals.failed += vitest.numFailedTests;
	totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
} else failed = true;

const chromium = process.env.XINKAN_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
	if (process.env.XINKAN_REQUIRE_BROWSER === '1') {
		loud(
			`Chromium is required (XINKAN_REQUIRE_BROWSER=1) but ${chromium} is missing (apt-get install chromium).`
		);
		process.exit(1);
	}
	loud(`${chromium} is missing: browser tests are SKIPPED (apt-get install chromium).`);
} else {
	if (run(bin('playwright'), ['test'], env) !== 0) failed = true;
	const report = readJson(path.join(artifacts, 'playwright.json'));
	if (report?.stats) {
		totals.passed += report.stats.expected + report.stats.flaky;
		totals.failed += report.stats.unexpected;
		totals.skipped += report.stats.skipped;
	} else failed = true;
}

if (failed && totals.failed === 0) totals.failed = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failed ? 1 : 0);
