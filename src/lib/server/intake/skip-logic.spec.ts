// Skip logic on both databases: answers to questions their conditions hide are not stored —
// through the SvelteKit route's service, through the fast path scripts/serve.mjs puts in front of
// it, and through paper entry — hidden questions are never required, and the pages of a form
// without JavaScript store nothing until the last one is sent, once.
import { expect, it } from 'vitest';
import { users } from '../db/schema';
import { getCampaign } from '../campaigns/queries';
import { enterPaperForm } from '../returns/paper-entry';
import { countedResults } from '../results/results';
import { readResultsQuery, resultsQuestions } from '../results/query';
import { describeEachDatabase } from '../test/databases';
import {
	formData,
	storedAnswers,
	responseCount,
	postThroughFastPath
} from '../test/public-submission';
import { openSkipLogicCampaign } from '../test/skip-logic';
import { newSubmissionToken, submitPublicForm, turnFormPage } from './public-form';

const SLUG = 'skip-logic';
let client = 0;

/** A respondent who said "satisfied" and rated repairs 4, but had typed into both follow-ups. */
const WITH_HIDDEN: [string, string][] = [
	['q_sat', 'ok'],
	['q_why', '之前写的：营业厅排队太久'],
	['q_repair', '4'],
	['q_slow', '之前写的：等了一天'],
	['q_idea', '希望多设缴费点']
];

function entries(token: string, fields: [string, string][]): [string, string][] {
	return [['submission_token', token], ...fields];
}

const count = responseCount;

describeEachDatabase('skip logic', (current) => {
	it('drops answers to hidden questions on the route path and the fast path alike', async () => {
		const { db } = current();
		await openSkipLogicCampaign(db, SLUG);
		const before = await count(db);

		const routed = await submitPublicForm(
			db,
			SLUG,
			formData(entries(newSubmissionToken(), WITH_HIDDEN)),
			`10.18.1.${++client}`
		);
		expect(routed.kind).toBe('stored');
		const fast = await postThroughFastPath(db, SLUG, entries(newSubmissionToken(), WITH_HIDDEN));
		if (fast === 'handed to SvelteKit') throw new Error('the fast path did not take it');
		expect(fast.status).toBe(303);
		const fastCode = /r=([0-9A-Z]{8})/.exec(fast.location)![1];

		const expected = { sat: 'ok', repair: 4, idea: '希望多设缴费点' };
		expect(await storedAnswers(db, routed.kind === 'stored' ? routed.receiptCode : '')).toEqual(
			expected
		);
		expect(await storedAnswers(db, fastCode)).toEqual(expected);
		expect(await count(db)).toBe(before + 2);
	});

	it('stores shown follow-ups, requires them, and refuses with nothing stored', async () => {
		const { db } = current();
		const before = await count(db);
		const shown: [string, string][] = [
			['q_sat', 'bad'],
			['q_why', '停电不通知'],
			['q_repair', '1'],
			['q_slow', '等了一天']
		];
		const stored = await submitPublicForm(
			db,
			SLUG,
			formData(entries(newSubmissionToken(), shown)),
			`10.18.1.${++client}`
		);
		if (stored.kind !== 'stored') throw new Error(JSON.stringify(stored));
		expect(await storedAnswers(db, stored.receiptCode)).toEqual({
			sat: 'bad',
			why: '停电不通知',
			repair: 1,
			slow: '等了一天'
		});

		// "Dissatisfied" without saying why, a low rating without the follow-up: both required.
		const refused = await submitPublicForm(
			db,
			SLUG,
			formData(
				entries(newSubmissionToken(), [
					['q_sat', 'bad'],
					['q_repair', '2'],
					['_page', '2']
				])
			),
			`10.18.1.${++client}`
		);
		expect(refused).toMatchObject({
			kind: 'invalid',
			errors: { why: 'answer_required', slow: 'answer_required' },
			// The first page with a problem is shown again.
			page: 1
		});
		// The fast path leaves a refusal to the route, which says it.
		const fast = await postThroughFastPath(
			db,
			SLUG,
			entries(newSubmissionToken(), [['q_sat', 'bad']])
		);
		expect(fast).toBe('handed to SvelteKit');
		// So does a page turn, even of a complete form: Next stores nothing.
		const turn = await postThroughFastPath(
			db,
			SLUG,
			entries(newSubmissionToken(), [...shown, ['_page', '0'], ['_nav', 'next']])
		);
		expect(turn).toBe('handed to SvelteKit');
		expect(await count(db)).toBe(before + 1);
	});

	it('turns pages without storing, keeps the token, and the last page stores once', async () => {
		const { db } = current();
		const before = await count(db);
		const token = newSubmissionToken();
		const turn = (fields: [string, string][]) =>
			turnFormPage(db, SLUG, formData(entries(token, fields)));

		// Page 0 → 1 (the reason is shown: "dissatisfied").
		let fields: [string, string][] = [
			['q_sat', 'bad'],
			['_page', '0'],
			['_nav', 'next']
		];
		expect(await turn(fields)).toMatchObject({ kind: 'page', page: 1, errors: {}, token });
		// Page 1 left with a required answer missing: stays, says it.
		fields = [
			['q_sat', 'bad'],
			['q_repair', '5'],
			['_page', '1'],
			['_nav', 'next']
		];
		expect(await turn(fields)).toMatchObject({ page: 1, errors: { why: 'answer_required' } });
		fields = [...fields.slice(0, 2), ['q_why', '排队久'], ['_page', '1'], ['_nav', 'next']];
		const third = await turn(fields);
		expect(third).toMatchObject({ page: 2, errors: {} });
		// Back keeps what was typed, unchecked.
		const back = await turn([
			['q_sat', 'bad'],
			['q_why', '排队久'],
			['_page', '2'],
			['_nav', 'back']
		]);
		expect(back).toMatchObject({ page: 1, typed: { q_why: '排队久', q_sat: 'bad' } });
		// Satisfied: page 1 holds only the rating then; the reason stays hidden on it.
		const ok = await turn([
			['q_sat', 'ok'],
			['_page', '0'],
			['_nav', 'next']
		]);
		expect(ok).toMatchObject({ page: 1 });
		expect(await count(db)).toBe(before);

		const last = formData(
			entries(token, [
				['q_sat', 'bad'],
				['q_why', '排队久'],
				['q_repair', '5'],
				['_page', '2']
			])
		);
		const first = await submitPublicForm(db, SLUG, last, `10.18.1.${++client}`);
		const again = await submitPublicForm(db, SLUG, last, `10.18.1.${++client}`);
		expect(first).toMatchObject({ kind: 'stored', repeated: false });
		expect(again).toMatchObject({ kind: 'stored', repeated: true });
		expect(await count(db)).toBe(before + 1);
	});

	it('paper entry skips hidden questions, whatever was typed for them', async () => {
		const { db } = current();
		const [clerk] = await db
			.insert(users)
			.values({ username: 'clerk-skip', passwordHash: 'x', role: 'clerk' })
			.returning();
		const entry = formData([
			['submission_token', newSubmissionToken()],
			['n_sat', '1'],
			['q_why', '抄错了的一行'],
			['q_repair', '3'],
			['q_slow', '这一格本该空着']
		]);
		const outcome = await enterPaperForm(db, SLUG, clerk.id, entry);
		if (outcome.kind !== 'stored') throw new Error(JSON.stringify(outcome));
		expect(await storedAnswers(db, outcome.receiptCode)).toEqual({ sat: 'ok', repair: 3 });
	});

	it('counts a conditional question against those it was shown to, from responses and tallies alike', async () => {
		const { db } = current();
		const slug = 'skip-logic-results';
		await openSkipLogicCampaign(db, slug);
		const answers: [string, string][][] = [
			[
				['q_sat', 'ok'],
				['q_repair', '4']
			],
			[
				['q_sat', 'bad'],
				['q_why', '排队太久'],
				['q_repair', '1'],
				['q_slow', '等了一天']
			],
			[
				['q_sat', 'meh'],
				['q_why', '电压不稳'],
				['q_repair', '5']
			],
			[
				['q_sat', 'ok'],
				['q_repair', '2'],
				['q_slow', '电话打不通']
			]
		];
		for (const fields of answers) {
			const outcome = await submitPublicForm(
				db,
				slug,
				formData(entries(newSubmissionToken(), fields)),
				`10.18.2.${++client}`
			);
			expect(outcome.kind).toBe('stored');
		}
		const campaignId = (await getCampaign(db, slug)).id;
		const query = readResultsQuery(new URLSearchParams(), await resultsQuestions(db, campaignId));
		for (const source of ['scan', 'tallies'] as const) {
			const results = await countedResults(db, campaignId, query, source);
			const figures = Object.fromEntries(
				results.questions.map((q) => [q.id, [q.asked, q.answered, q.conditional ?? false]])
			);
			expect(figures, source).toEqual({
				sat: [4, 4, false],
				// Shown to the two who were not satisfied, not "2 of 4 did not answer".
				why: [2, 2, true],
				repair: [4, 4, false],
				// Shown to the two who rated repairs 2 or less.
				slow: [2, 2, true],
				idea: [4, 0, false]
			});
		}
	});
});
