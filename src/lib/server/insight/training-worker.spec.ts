import { describe, expect, it } from 'vitest';
import { DEMO_CONCERNS } from '../demo/suggestion-corpus';
import type { LabelledRecord } from './dataset';
import {
	train,
	trainInProcess,
	trainInWorker,
	trainingPlace,
	trainingWorkersRunning
} from './training-worker';

// The demo's concerns as reviewed items: every way a concern was written, duplicates of its first.
const records: LabelledRecord[] = DEMO_CONCERNS.slice(0, 60).flatMap((c) =>
	c.variants.map((text, i) => ({
		id: `${c.key}-${i}`,
		text,
		category: c.category,
		duplicateOf: i === 0 ? '' : `${c.key}-0`,
		township: c.township
	}))
);
const examples = records.map(({ text, category }) => ({ text, category }));
const categories = [...new Set(examples.map((e) => e.category))];

describe.each([
	{ place: 'a worker thread', trainThere: trainInWorker },
	{ place: 'a process of its own', trainThere: trainInProcess }
])('training in $place', ({ trainThere }) => {
	it('trains the same categoriser as the request thread would, and ends', async () => {
		const task = { kind: 'categoriser' as const, examples, categories };
		expect(await trainThere(task)).toEqual(train(task));
		expect(trainingWorkersRunning()).toBe(0);
	}, 120_000);

	it('fits the same pair model as the request thread would', async () => {
		const task = { kind: 'pair' as const, records };
		const fitted = await trainThere(task);
		expect(fitted.model).not.toBeNull();
		expect(fitted.items).toBe(records.length);
		expect(fitted).toEqual(train(task));
	}, 120_000);

	it('ends at once when stopped (shutdown), with the signal’s reason', async () => {
		const controller = new AbortController();
		const training = trainThere({ kind: 'pair', records }, controller.signal);
		expect(trainingWorkersRunning()).toBe(1);
		controller.abort(new Error('server stopping'));
		await expect(training).rejects.toThrow('server stopping');
		expect(trainingWorkersRunning()).toBe(0);
	}, 120_000);
});

describe('where a built server trains (XINKAN_TRAINING)', () => {
	it('is a process of its own unless told otherwise, and an unknown word keeps that', () => {
		expect(trainingPlace({})).toBe('process');
		expect(trainingPlace({ XINKAN_TRAINING: 'steps' })).toBe('steps');
		expect(trainingPlace({ XINKAN_TRAINING: ' thread ' })).toBe('thread');
		expect(trainingPlace({ XINKAN_TRAINING: 'process' })).toBe('process');
		expect(trainingPlace({ XINKAN_TRAINING: 'fork' })).toBe('process');
	});
});
