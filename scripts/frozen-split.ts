/**
 * Writes the frozen split of the shared dev data (see `frozenSplit` in
 * src/lib/server/insight/dataset.ts) as two files for the evaluation CLI:
 *   npx tsx scripts/frozen-split.ts [--data ../shared/data/suggestions.dev.jsonl] [--out DIR]
 *   npm run categorize -- --train DIR/train.jsonl --eval DIR/test.jsonl
 * Lines are copied verbatim, in file order (the test file's order is its arrival order).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FROZEN_TEST_SEED, frozenSplit, parseJsonLines } from '../src/lib/server/insight/dataset';
import { fail, parseArgs } from './cli-args';

const args = parseArgs(process.argv.slice(2));
const data = resolve(args.data ?? '../shared/data/suggestions.dev.jsonl');
const out = resolve(args.out ?? 'frozen-split');
let content: string;
try {
	content = readFileSync(data, 'utf8');
} catch (error) {
	fail(`frozen-split: cannot read ${data}: ${(error as Error).message}`);
}
const lines = content.split(/\r?\n/).filter((line) => line.trim() !== '');
const records = parseJsonLines(lines.join('\n'), data);
const { test } = frozenSplit(records);
const testIds = new Set(test.map((r) => r.id));
mkdirSync(out, { recursive: true });
const [trainLines, testLines] = [false, true].map((isTest) =>
	lines.filter((_, i) => testIds.has(records[i].id) === isTest)
);
writeFileSync(join(out, 'train.jsonl'), `${trainLines.join('\n')}\n`);
writeFileSync(join(out, 'test.jsonl'), `${testLines.join('\n')}\n`);
console.log(
	JSON.stringify({
		data,
		out,
		train: trainLines.length,
		test: testLines.length,
		seed: FROZEN_TEST_SEED
	})
);
