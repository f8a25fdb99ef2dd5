import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { titleFrom } from '../suggestions/items';
import { frozenSplit, parseJsonLines } from './dataset';
import { evaluateInsight } from './evaluation';

// Resolved from the repo root (vitest runs there): the shared labelled set lives beside the repo.
const DEV_DATA = resolve(process.cwd(), '../shared/data/suggestions.dev.jsonl');
const present = existsSync(DEV_DATA);
// CI sets XINKAN_REQUIRE_DATA=1 (.ci/run): there a missing data set fails this suite, never skips it.
const required = process.env.XINKAN_REQUIRE_DATA === '1';
if (!present && !required) console.warn(`Skipping dev-data test: ${DEV_DATA} not found`);

describe.skipIf(!present && !required)('on the shared dev data (the frozen test split)', () => {
	it('finds the data set', () => {
		expect(present, `${DEV_DATA} is missing (XINKAN_REQUIRE_DATA=1)`).toBe(true);
	});

	it('the trained model beats the cold-start lexicon, and the queue finds earlier duplicates', () => {
		const records = parseJsonLines(readFileSync(DEV_DATA, 'utf8'), DEV_DATA);
		const { train, test } = frozenSplit(records);
		const trainRoots = new Set(train.map((r) => r.duplicateOf || r.id));
		expect(test.some((r) => trainRoots.has(r.duplicateOf || r.id))).toBe(false);

		const coldStart = evaluateInsight([], test, { titleOf: titleFrom });
		const trained = evaluateInsight(train, test, { titleOf: titleFrom });
		expect(trained.top1).toBeGreaterThan(coldStart.top1);
		expect(trained.top1).toBeGreaterThan(0.6);
		expect(trained.top3).toBeGreaterThan(0.85);
		expect(trained.dupRecallAt5).toBeGreaterThan(0.5);
		// Measured 0.93 on 2 December 2026 (0.59 before issue 19's hints).
		expect(trained.dupRecallAt5Arrival).toBeGreaterThan(0.85);
	}, 120_000);
});
