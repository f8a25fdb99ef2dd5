// Conditions on an area (the organisation's own options) and on a date, on both databases: the
// route and the fast path store the same answers and drop the hidden ones, shown questions are
// required, paper entry skips alike, the results count a conditional question against those it
// was shown to, and publication refuses a condition on an area the organisation has retired.
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { areas, users } from '../db/schema';
import { getCampaign } from '../campaigns/queries';
import { saveDraft } from '../campaigns/questionnaire';
import { enterPaperForm } from '../returns/paper-entry';
import { countedResults } from '../results/results';
import { readResultsQuery, resultsQuestions } from '../results/query';
import {
	areaDateQuestions,
	ensureAreas,
	openCampaignWith,
	sectionQuestions
} from '../test/area-date';
import { describeEachDatabase } from '../test/databases';
import {
	formData,
	withToken,
	storedResponse,
	responseCount,
	postThroughFastPath
} from '../test/public-submission';
import { newSubmissionToken, submitPublicForm, turnFormPage } from './public-form';

const SLUG = 'area-date';
let client = 0;

const storedRow = storedResponse;
const count = responseCount;

describeEachDatabase('conditions on an area and a date', (current) => {
	it('drops what the area and date hide, on the route and the fast path alike', async () => {
		const { db } = current();
		const town = await ensureAreas(db);
		await openCampaignWith(db, SLUG, areaDateQuestions(town.城关));
		const before = await count(db);
		// 大围山 and an outage in October: neither follow-up is shown, whatever was typed in them.
		const fields: [string, string][] = [
			['q_area', town.大围山],
			['q_outage', '2026/10/1'],
			['q_street', '之前写的：解放路'],
			['q_notice', '之前写的：没有通知'],
			['q_idea', '希望停电前发短信']
		];
		const routed = await submitPublicForm(
			db,
			SLUG,
			formData(withToken(fields)),
			`10.19.1.${++client}`
		);
		if (routed.kind !== 'stored') throw new Error(JSON.stringify(routed));
		const fast = await postThroughFastPath(db, SLUG, withToken(fields));
		if (fast === 'handed to SvelteKit') throw new Error('the fast path did not take it');
		expect(fast.status).toBe(303);
		const fastCode = /r=([0-9A-Z]{8})/.exec(fast.location)![1];
		const expected = { area: town.大围山, outage: '2026-10-01', idea: '希望停电前发短信' };
		const [a, b] = [await storedRow(db, routed.receiptCode), await storedRow(db, fastCode)];
		expect(a.answers).toEqual(expected);
		expect(b.answers).toEqual(expected);
		expect(a.areaId).toBe(b.areaId);
		expect(await count(db)).toBe(before + 2);
	});

	it('requires what 城关 and a recent day show, and refuses with nothing stored', async () => {
		const { db } = current();
		const town = await ensureAreas(db);
		const before = await count(db);
		const shown: [string, string][] = [
			['q_area', town.城关],
			['q_outage', '2026年11月5日']
		];
		const refused = await submitPublicForm(
			db,
			SLUG,
			formData(withToken(shown)),
			`10.19.1.${++client}`
		);
		expect(refused).toMatchObject({
			kind: 'invalid',
			errors: { street: 'answer_required', notice: 'answer_required' }
		});
		expect(await postThroughFastPath(db, SLUG, withToken(shown))).toBe('handed to SvelteKit');
		// The very day of the rule counts ("on or after").
		const full: [string, string][] = [
			['q_area', town.城关],
			['q_outage', '2026-11-01'],
			['q_street', '解放路'],
			['q_notice', '没有通知']
		];
		const fast = await postThroughFastPath(db, SLUG, withToken(full));
		if (fast === 'handed to SvelteKit') throw new Error('the fast path did not take it');
		const code = /r=([0-9A-Z]{8})/.exec(fast.location)![1];
		expect((await storedRow(db, code)).answers).toEqual({
			area: town.城关,
			outage: '2026-11-01',
			street: '解放路',
			notice: '没有通知'
		});
		expect(await count(db)).toBe(before + 1);
	});

	it('paper entry skips what the typed area and date hide', async () => {
		const { db } = current();
		const [clerk] = await db
			.insert(users)
			.values({ username: 'clerk-area-date', passwordHash: 'x', role: 'clerk' })
			.returning();
		const outcome = await enterPaperForm(
			db,
			SLUG,
			clerk.id,
			formData([
				['submission_token', newSubmissionToken()],
				['n_area', '2'],
				['q_outage', '20261201'],
				['q_street', '这一格本该空着'],
				['q_notice', '通知了']
			])
		);
		if (outcome.kind !== 'stored') throw new Error(JSON.stringify(outcome));
		const town = await ensureAreas(db);
		expect((await storedRow(db, outcome.receiptCode)).answers).toEqual({
			area: town.大围山,
			outage: '2026-12-01',
			notice: '通知了'
		});
	});

	it('counts a question shown on a date against those it was shown to', async () => {
		const { db } = current();
		const town = await ensureAreas(db);
		const slug = 'area-date-results';
		await openCampaignWith(db, slug, areaDateQuestions(town.城关));
		const forms: [string, string][][] = [
			[
				['q_area', town.大围山],
				['q_outage', '2026-11-02'],
				['q_notice', '没有']
			],
			[
				['q_area', town.大围山],
				['q_outage', '2026-10-31']
			],
			[['q_area', town.大围山]],
			[
				['q_area', town.城关],
				['q_street', '解放路'],
				['q_outage', '2026-12-31'],
				['q_notice', '通知了']
			]
		];
		for (const fields of forms) {
			const outcome = await submitPublicForm(
				db,
				slug,
				formData(withToken(fields)),
				`10.19.2.${++client}`
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
				area: [4, 4, false],
				outage: [4, 3, false],
				street: [1, 1, true],
				notice: [2, 2, true],
				idea: [4, 0, false]
			});
		}
	});

	it('refuses on save and publication a condition on an area the organisation has retired', async () => {
		const { db } = current();
		const town = await ensureAreas(db);
		const questions = areaDateQuestions(town.城关);
		const slug = 'area-date-retired';
		await openCampaignWith(db, slug, questions);
		await db.update(areas).set({ active: false }).where(eq(areas.name, '城关'));
		try {
			const { problems } = await saveDraft(db, null, slug, questions);
			expect(problems).toEqual([
				{ index: 2, field: 'when', message: 'condition_option', source: 1 }
			]);
		} finally {
			await db.update(areas).set({ active: true }).where(eq(areas.name, '城关'));
		}
	});
});

describeEachDatabase('sections', (current) => {
	const slug = 'sections';

	it("drop a hidden section's answers on the route and the fast path alike, and store no section", async () => {
		const { db } = current();
		const town = await ensureAreas(db);
		await openCampaignWith(db, slug, sectionQuestions(town.城关));
		const before = await count(db);
		const fields: [string, string][] = [
			['q_area', town.大围山],
			['q_outage', '2026-11-05'],
			['q_street', '之前写的：解放路'],
			['q_notice', 'no'],
			['q_s-town', '不该存的'],
			['q_idea', '希望多设缴费点']
		];
		const routed = await submitPublicForm(
			db,
			slug,
			formData(withToken(fields)),
			`10.19.3.${++client}`
		);
		if (routed.kind !== 'stored') throw new Error(JSON.stringify(routed));
		const fast = await postThroughFastPath(db, slug, withToken(fields));
		if (fast === 'handed to SvelteKit') throw new Error('the fast path did not take it');
		const fastCode = /r=([0-9A-Z]{8})/.exec(fast.location)![1];
		const expected = { area: town.大围山, outage: '2026-11-05', idea: '希望多设缴费点' };
		expect((await storedRow(db, routed.receiptCode)).answers).toEqual(expected);
		expect((await storedRow(db, fastCode)).answers).toEqual(expected);
		expect(await count(db)).toBe(before + 2);
	});

	it("require a shown section's questions (both conditions holding), page by page without JavaScript", async () => {
		const { db } = current();
		const town = await ensureAreas(db);
		const before = await count(db);
		const token = newSubmissionToken();
		const turn = (fields: [string, string][]) =>
			turnFormPage(db, slug, formData([['submission_token', token], ...fields]));
		// 城关 on page 1: the second part (page 2) comes next.
		expect(
			await turn([
				['q_area', town.城关],
				['q_outage', '2026-10-01'],
				['_page', '0'],
				['_nav', 'next']
			])
		).toMatchObject({ kind: 'page', page: 1, errors: {} });
		const refused = await submitPublicForm(
			db,
			slug,
			formData(
				withToken([
					['q_area', town.城关],
					['q_outage', '2026-11-01'],
					['_page', '1']
				])
			),
			`10.19.3.${++client}`
		);
		expect(refused).toMatchObject({
			kind: 'invalid',
			errors: { street: 'answer_required', notice: 'answer_required' },
			page: 1
		});
		// An October outage: the street is asked, the notice (its own condition) is not.
		const october = await submitPublicForm(
			db,
			slug,
			formData(
				withToken([
					['q_area', town.城关],
					['q_outage', '2026-10-01'],
					['q_street', '解放路'],
					['q_notice', 'no'],
					['_page', '1']
				])
			),
			`10.19.3.${++client}`
		);
		if (october.kind !== 'stored') throw new Error(JSON.stringify(october));
		expect((await storedRow(db, october.receiptCode)).answers).toEqual({
			area: town.城关,
			outage: '2026-10-01',
			street: '解放路'
		});
		expect(await count(db)).toBe(before + 1);
	});

	it("are left out of the results, which count a section's questions against those it was shown to", async () => {
		const { db } = current();
		const campaignId = (await getCampaign(db, slug)).id;
		const questions = await resultsQuestions(db, campaignId);
		expect(questions.map((q) => q.id)).toEqual(['area', 'outage', 'street', 'notice', 'idea']);
		const query = readResultsQuery(new URLSearchParams(), questions);
		for (const source of ['scan', 'tallies'] as const) {
			const results = await countedResults(db, campaignId, query, source);
			const figures = Object.fromEntries(
				results.questions.map((q) => [q.id, [q.asked, q.answered, q.conditional ?? false]])
			);
			// Three responses: two from 大围山 (the section hidden), one from 城关 in October.
			expect(figures, source).toEqual({
				area: [3, 3, false],
				outage: [3, 3, false],
				street: [1, 1, true],
				// Shown only to 城关 with an outage on or after 1 November: nobody.
				notice: [0, 0, true],
				idea: [3, 2, false]
			});
		}
	});
});
