// postinstall: guards postgres.js 3.4.x against an uncatchable crash (upstream issues #1154/#1208,
// fix PRs #1168/#1176, unreleased). When the server drops a connection inside a transaction, the
// driver's own ROLLBACK is flushed from a setImmediate after `closed()` nulled the socket, and the
// TypeError kills the whole process. The patch skips a write to a closed socket (the query was
// already rejected with CONNECTION_CLOSED) and clears the pending-write timer on close, so the
// next socket is not wedged. Running it again changes nothing. If the code it patches has changed
// (postgres is pinned exactly in package.json, so only a deliberate upgrade does that), it fails
// the install and patches nothing: an unguarded driver would bring the crash back silently.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', 'node_modules', 'postgres');
const MARK = '/* xinkan: closed-socket guard */';
const edits = [
	[
		'  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)',
		`  function nextWrite(fn) {\n    ${MARK}\n    if (!socket) { chunk = nextWriteTimer = null; return false }\n    const x = socket.write(chunk, fn)`
	],
	[
		'    clearImmediate(nextWriteTimer)\n    if (socket) {',
		'    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    if (socket) {'
	],
	[
		"    clearImmediate(nextWriteTimer)\n    socket.removeListener('data', data)",
		"    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n    socket.removeListener('data', data)"
	]
];

const pending = [];
const problems = [];
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
	const target = path.join(root, file);
	if (!existsSync(target)) {
		problems.push(`${file} is missing`);
		continue;
	}
	const text = readFileSync(target, 'utf8');
	if (text.includes(MARK)) continue;
	const missing = edits.filter(([from]) => !text.includes(from)).length;
	if (missing) {
		problems.push(`${file}: ${missing} of the ${edits.length} pieces of code it edits not found`);
	} else pending.push([file, target, text]);
}

if (problems.length) {
	let version = 'unknown';
	try {
		version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
	} catch {
		// The message below is what matters; the version only helps.
	}
	console.error(
		[
			`patch-postgres: cannot guard postgres ${version} against writes to a closed socket:`,
			...problems.map((p) => `  - ${p}`),
			'The code this patch edits has changed. Check whether this postgres release fixes the crash',
			'when the server drops a connection inside a transaction (porsager/postgres issues',
			'#1154/#1208, PRs #1168/#1176). If it does, delete scripts/patch-postgres.mjs and the',
			'postinstall entry in package.json; if not, update the patch to the new code. Either way,',
			'run tests/reliability/fault.spec.ts to confirm.'
		].join('\n')
	);
	process.exit(1);
}

for (const [file, target, text] of pending) {
	writeFileSync(
		target,
		edits.reduce((t, [from, to]) => t.replace(from, to), text)
	);
	console.log(`patch-postgres: guarded ${file} against writes to a closed socket.`);
}
if (!pending.length) console.log('patch-postgres: postgres is already guarded; nothing to do.');
