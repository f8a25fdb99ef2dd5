/**
 * Experiment (not run by the product): the queue's hint floor (`HINT_FLOOR`) measured again with
 * today's models, on inner splits of the frozen split's training side only (never its test side).
 *
 *   npx tsx scripts/experiments/hint-floor.ts [--seeds 1,2,3,4,5]
 *
 * As the queue does: the held-out part of each inner split arrives one item at a time,
 * uncategorised (indexed and queried with the categoriser's predicted categories), each compared
 * with all items before it, scored by a pair model trained on the inner training part as an
 * organisation's is. For each floor it prints, per split and pooled, the precision of the likely
 * hints shown (the share that are true earlier duplicates) and the arrival recall of the likely
 * hints alone and of all five places with the less likely ones (`HINT_WEAK_FLOOR`). The rule the
 * floor was chosen by: the lowest floor at which every split shows at least 6 in 10 true.
 */
import {
	buildHintIndexSteps,
	findHints,
	hintItem,
	HINT_FLOOR,
	HINTS_SHOWN,
	withPredictedCategories
} from '../../src/lib/server/insight/hints';
import { runSteps } from '../../src/lib/server/insight/steps';
import { seedsArgument, trainedInnerSplit, trainingSide } from './inner-pairs';

const seeds = seedsArgument();
const floors = [0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2];

interface Tally {
	shown: number;
	true: number;
	shownEligible: number;
	trueEligible: number;
	eligible: number;
	foundLikely: number;
	foundAll: number;
}
const empty = (): Tally => ({
	shown: 0,
	true: 0,
	shownEligible: 0,
	trueEligible: 0,
	eligible: 0,
	foundLikely: 0,
	foundAll: 0
});
const pooled = floors.map(empty);
const perSplit: Tally[][] = [];

const side = trainingSide();
for (const seed of seeds) {
	const { heldOut, categoriser, pairModel } = trainedInnerSplit(side, seed);
	const items = heldOut.map((r) =>
		withPredictedCategories(
			hintItem({ id: r.id, title: r.text, texts: [r.text], township: r.township }),
			categoriser
		)
	);
	const rootOf = new Map(heldOut.map((r) => [r.id, r.duplicateOf || r.id]));
	const tallies = floors.map(empty);
	for (let i = 1; i < items.length; i++) {
		const root = rootOf.get(items[i].id);
		const hasEarlier = items.slice(0, i).some((item) => rootOf.get(item.id) === root);
		const index = runSteps(buildHintIndexSteps(items.slice(0, i), { pairModel }));
		floors.forEach((floor, f) => {
			const hints = findHints(index, items[i], HINTS_SHOWN, floor);
			const likely = hints.filter((h) => h.likely);
			const isTrue = (id: string) => rootOf.get(id) === root;
			const tally = tallies[f];
			tally.shown += likely.length;
			tally.true += likely.filter((h) => isTrue(h.id)).length;
			if (!hasEarlier) return;
			tally.eligible++;
			tally.shownEligible += likely.length;
			tally.trueEligible += likely.filter((h) => isTrue(h.id)).length;
			if (likely.some((h) => isTrue(h.id))) tally.foundLikely++;
			if (hints.some((h) => isTrue(h.id))) tally.foundAll++;
		});
	}
	tallies.forEach((t, f) => {
		for (const key of Object.keys(t) as (keyof Tally)[]) pooled[f][key] += t[key];
	});
	perSplit.push(tallies);
}

const share = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));
console.log(`seeds ${seeds.join(',')}; HINT_FLOOR today ${HINT_FLOOR}`);
console.log(
	'floor  precision per split (min)        pooled  (items with an earlier duplicate: per split, pooled)  recall likely  recall all five'
);
floors.forEach((floor, f) => {
	const precisions = perSplit.map((t) => t[f].true / Math.max(1, t[f].shown));
	const eligible = perSplit.map((t) => t[f].trueEligible / Math.max(1, t[f].shownEligible));
	const p = pooled[f];
	console.log(
		`${floor.toFixed(3)}  ${precisions.map((x) => x.toFixed(2)).join(' ')} (${Math.min(...precisions).toFixed(2)})  ${share(p.true, p.shown)}  (${eligible.map((x) => x.toFixed(2)).join(' ')}, ${share(p.trueEligible, p.shownEligible)})  ${share(p.foundLikely, p.eligible)}  ${share(p.foundAll, p.eligible)}`
	);
});
