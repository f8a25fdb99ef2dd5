// postinstall: guards postgres.js 3.4.x against an uncatchable crash (upstream issues #1154/#1208,
// fix PRs #1168/#1176, unreleased). When the server drops a connection inside a transaction, the
// driver's own ROLLBACK is flushed from a setImmediate after `closed()` nulled the socket, and the
// TypeError kills the whole process. The patch skips a write to a closed socket (the query was
// already rejected with CONNECTION_CLOSED) and clears the pending-write timer on close, so the
// next socket is not wedged. Idempotent; it says so and changes nothing if the code has moved.
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

let status = 0;
for (const file of ['src/connection.js', 'cjs/src/connection.js']) {
	const target = path.join(root, file);
	if (!existsSync(target)) continue;
	let text = readFileSync(target, 'utf8');
	if (text.includes(MARK)) continue;
	if (edits.some(([from]) => !text.includes(from))) {
		console.warn(
			`patch-postgres: ${file} has changed upstream; not patched (check the crash is fixed there).`
		);
		status = 0;
		continue;
	}
	for (const [from, to] of edits) text = text.replace(from, to);
	writeFileSync(target, text);
	console.log(`patch-postgres: guarded ${file} against writes to a closed socket.`);
}
process.exit(status);
