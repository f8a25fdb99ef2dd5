// "Copy from an earlier campaign" (issue 16 point 2) on both databases.
import { and, asc, count, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { blankQuestion, type Question } from '../../questionnaire/types';
import type { Database } from '../db';
import {
	auditLog,
	campaigns,
	distributions,
	formCodes,
	respondentGroups,
	users
} from '../db/schema';
import { Conflict, Invalid } from '../platform/errors';
import { describeEachDatabase } from '../test/databases';
import { createCampaign } from './campaigns';
import { copyCampaign } from './copy';
import { getCampaign } from './queries';
import { publishQuestionnaire, saveDraft } from './questionnaire';

const settings = (slug: string, anonymous = true) => ({
	title: `活动 ${slug}`,
	slug,
	introduction: '',
	startsOn: null,
	endsOn: null,
	anonymous
});

const QUESTIONS: Question[] = [
	{ ...blankQuestion('who', 'group'), title: '您的身份' },
	{ ...blankQuestion('sat', 'rating'), title: '满意度' },
	{
		...blankQuestion('pick', 'single'),
		title: '选择',
		options: [
			{ id: 'a', label: '甲' },
			{ id: 'b', label: '乙' }
		]
	}
];

const planOf = (db: Database, campaignId: number) =>
	db
		.select({
			groupId: distributions.groupId,
			unitId: distributions.unitId,
			areaId: distributions.areaId,
			channel: distributions.channel,
			issued: distributions.issued,
			issuedOn: distributions.issuedOn,
			note: distributions.note
		})
		.from(distributions)
		.where(eq(distributions.campaignId, campaignId))
		.orderBy(asc(distributions.id));

const campaignCount = async (db: Database) =>
	(await db.select({ n: count() }).from(campaigns))[0].n;

describeEachDatabase('copy from an earlier campaign', (current) => {
	it('copies the latest published questionnaire with its ids and the plan rows, not codes, and remembers the source', async () => {
		const { db } = current();
		const [group] = await db
			.insert(respondentGroups)
			.values({ key: 'copy-customers', nameZh: '客户', nameEn: 'Customers' })
			.returning();
		const [organiser] = await db
			.insert(users)
			.values({ username: 'copier', role: 'organiser', passwordHash: 'not-a-hash' })
			.returning();
		const source = await createCampaign(db, null, settings('copy-source'));
		await saveDraft(db, null, 'copy-source', QUESTIONS);
		const published = await publishQuestionnaire(db, null, 'copy-source');
		// A later draft that was never published is not what a copy takes.
		await saveDraft(db, null, 'copy-source', [
			{ ...blankQuestion('unpublished', 'short_text'), title: '草稿' }
		]);
		const [row] = await db
			.insert(distributions)
			.values([
				{
					campaignId: source.id,
					groupId: group.id,
					channel: 'paper',
					issued: 120,
					issuedOn: '2014-03-20',
					note: '上门'
				},
				{ campaignId: source.id, channel: 'online', issued: 30 }
			])
			.returning();
		await db.insert(formCodes).values({
			campaignId: source.id,
			distributionId: row.id,
			code: 'COPYTEST1'
		});

		const copy = await copyCampaign(db, organiser.id, 'copy-source', settings('copy-target'));
		expect(copy.status).toBe('draft');
		expect(copy.copiedFrom).toBe(source.id);
		expect(copy.createdBy).toBe(organiser.id);
		// Same question and option ids; group options are frozen again when the copy is published.
		expect(copy.draftQuestions.map((q) => q.id)).toEqual(['who', 'sat', 'pick']);
		expect(copy.draftQuestions.map((q) => q.type)).toEqual(['group', 'rating', 'single']);
		expect(copy.draftQuestions[2].options).toEqual(published.questions[2].options);
		expect(copy.draftQuestions[0].options).toEqual([]);
		expect(await planOf(db, copy.id)).toEqual([
			{
				groupId: group.id,
				unitId: null,
				areaId: null,
				channel: 'paper',
				issued: 120,
				issuedOn: null,
				note: '上门'
			},
			{
				groupId: null,
				unitId: null,
				areaId: null,
				channel: 'online',
				issued: 30,
				issuedOn: null,
				note: ''
			}
		]);
		const codes = await db
			.select({ n: count() })
			.from(formCodes)
			.where(eq(formCodes.campaignId, copy.id));
		expect(codes[0].n).toBe(0);
		const [entry] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'campaign.copy'), eq(auditLog.entityId, String(copy.id))));
		expect(entry.actorId).toBe(organiser.id);
		expect(entry.after).toMatchObject({
			slug: 'copy-target',
			copiedFrom: 'copy-source',
			questions: 3,
			planRows: 2
		});
	});

	it('copies the draft of a campaign that was never published', async () => {
		const { db } = current();
		await createCampaign(db, null, settings('copy-draft-only'));
		await saveDraft(db, null, 'copy-draft-only', QUESTIONS.slice(1));
		const copy = await copyCampaign(db, null, 'copy-draft-only', settings('copy-of-draft'));
		expect(copy.draftQuestions.map((q) => q.id)).toEqual(['sat', 'pick']);
		expect(await planOf(db, copy.id)).toEqual([]);
	});

	it('refuses an unknown source, contact questions on an anonymous copy and a taken slug, leaving nothing behind', async () => {
		const { db } = current();
		const before = await campaignCount(db);
		await expect(
			copyCampaign(db, null, 'no-such-campaign', settings('copy-nothing'))
		).rejects.toMatchObject({
			constructor: Invalid,
			status: 400,
			fields: { copyFrom: 'copy_source_unknown' }
		});

		const named = await createCampaign(db, null, settings('copy-named', false));
		await saveDraft(db, null, 'copy-named', [
			...QUESTIONS,
			{ ...blankQuestion('contact', 'contact'), title: '联系方式' }
		]);
		await publishQuestionnaire(db, null, 'copy-named');
		await db.insert(distributions).values({ campaignId: named.id, channel: 'paper', issued: 5 });
		const plansBefore = (await db.select({ n: count() }).from(distributions))[0].n;
		await expect(
			copyCampaign(db, null, 'copy-named', settings('copy-anonymous', true))
		).rejects.toMatchObject({ status: 400, fields: { anonymous: 'contact_on_anonymous' } });
		// The same questionnaire is fine on a campaign that may ask for contact details.
		await copyCampaign(db, null, 'copy-named', settings('copy-named-too', false));
		await expect(
			copyCampaign(db, null, 'copy-named', settings('copy-named-too', false))
		).rejects.toThrow(Conflict);
		await expect(getCampaign(db, 'copy-anonymous')).rejects.toMatchObject({ status: 404 });
		await expect(getCampaign(db, 'copy-nothing')).rejects.toMatchObject({ status: 404 });
		// One copy made: one campaign more (named + copy), and exactly one plan row more.
		expect(await campaignCount(db)).toBe(before + 2);
		expect((await db.select({ n: count() }).from(distributions))[0].n).toBe(plansBefore + 1);
	});
});
