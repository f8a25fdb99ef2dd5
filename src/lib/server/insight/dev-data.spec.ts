import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonLines, splitByCluster } from './dataset';
import { evaluateInsight } from './evaluation';

// Resolved from the repo root (vitest runs there): the shared labelled set lives beside the repo.
const DEV_DATA = resolve(process.cwd(), '../shared/data/suggestions.dev.jsonl');
const present = existsSync(DEV_DATA);
if (!present) console.warn(`Skipping dev-data test: ${DEV_DATA} not found`);

describe.skipIf(!present)('on the shared dev data (held-out split by cluster)', () => {
	it('the trained model beats the cold-start lexicon', () => {
		const records = parseJsonLines(readFileSync(DEV_DATA, 'utf8'), DEV_DATA);
		const { train, heldOut } = splitByCluster(records, 0.7, 7);
		const trainRoots = new Set(train.map((r) => r.duplicateOf || r.id));
		expect(heldOut.some((r) => trainRoots.has(r.duplicateOf || r.id))).toBe(false);

		const coldStart = evaluateInsight([], heldOut);
		const trained = evaluateInsight(train, heldOut);
		expect(trained.top1).toBeGreaterThan(coldStart.top1);
		expect(trained.top1).toBeGreaterThan(0.6);
		expect(trained.top3).toBeGreaterThan(0.85);
		expect(trained.dupRecallAt5).toBeGreaterThan(0.5);
	});
});
