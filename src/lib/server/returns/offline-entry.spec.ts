import { and, eq, ne } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign, latestVersion } from '../campaigns/queries';
import { publishQuestionnaire } from '../campaigns/questionnaire';
import type { SessionUser } from '../auth/session';
import { campaigns, distributions, formCodes, responses, units, users } from '../db/schema';
import { Invalid } from '../platform/errors';
import { describeEachDatabase } from '../test/databases';
import { generateFormCodes } from './form-codes';
import { offlineKit, sendQueuedForm } from './offline-entry';

const SLUG = 'liuyang-2014';
const token = (c: string) => c.repeat(32);
/** A demo form as the entry page's fields name it: group 3, two ratings, an opinion. */
const fields = (code: string, opinion: string): [string, string][] => [
	['form_code', code],
	['channel', 'paper'],
	['n_group', '3'],
	['q_supply', '4'],
	['q_service', '5'],
	['q_improve', opinion]
];

describeEachDatabase(
	'offline paper entry',
	(current) => {
		let clerk: SessionUser;
		let codes: string[] = [];
		let versionId = 0;
		let rowUnit: number | null = null;

		const storedWith = async (submissionToken: string) => {
			const { db } = current();
			return db.select().from(responses).where(eq(responses.submissionToken, submissionToken));
		};

		it('gives the clerk the questionnaire, its version and the codes of their plan rows', async () => {
			const { db } = current();
			const [user] = await db
				.insert(users)
				.values({ username: `offline-${Date.now()}`, passwordHash: 'x', role: 'clerk' })
				.returning();
			clerk = {
				id: user.id,
				username: user.username,
				displayName: '',
				role: 'clerk',
				unitId: null
			};
			const campaign = await getCampaign(db, SLUG);
			const [row] = await db
				.select()
				.from(distributions)
				.where(and(eq(distributions.campaignId, campaign.id), eq(distributions.channel, 'paper')))
				.limit(1);
			rowUnit = row.unitId;
			await generateFormCodes(db, null, campaign, row.id, 4);
			codes = (await db.select().from(formCodes).where(eq(formCodes.distributionId, row.id))).map(
				(c) => c.code
			);
			const kit = await offlineKit(db, SLUG, clerk);
			versionId = (await latestVersion(db, campaign.id))!.id;
			expect(kit.version.id).toBe(versionId);
			expect(kit.questions.map((q) => q.id)).toContain('improve');
			for (const code of codes) expect(kit.codes).toContainEqual({ code, used: false });
			expect(Date.parse(kit.at)).not.toBeNaN();

			// A clerk who names a unit gets that unit's rows only.
			const [other] = await db
				.select()
				.from(units)
				.where(ne(units.id, rowUnit ?? -1))
				.limit(1);
			const narrowed = await offlineKit(db, SLUG, { ...clerk, unitId: other.id });
			expect(narrowed.codes.map((c) => c.code)).not.toContain(codes[0]);
			if (rowUnit !== null) {
				const own = await offlineKit(db, SLUG, { ...clerk, unitId: rowUnit });
				expect(own.codes.map((c) => c.code)).toEqual(expect.arrayContaining(codes));
			}
		});

		it('stores a queued form once: the same token again gets the same receipt', async () => {
			const { db } = current();
			const queued = { token: token('a'), versionId, fields: fields(codes[0], '村里电压低') };
			const first = await sendQueuedForm(db, SLUG, clerk.id, queued);
			expect(first).toMatchObject({ status: 'stored', repeated: false });
			// The answer was lost: the device sends the same form again, twice at once.
			const again = await Promise.all([
				sendQueuedForm(db, SLUG, clerk.id, queued),
				sendQueuedForm(db, SLUG, clerk.id, queued)
			]);
			for (const a of again) {
				expect(a).toEqual({
					status: 'stored',
					repeated: true,
					receiptCode: first.status === 'stored' ? first.receiptCode : 'none'
				});
			}
			const rows = await storedWith(token('a'));
			expect(rows).toHaveLength(1);
			expect(rows[0]).toMatchObject({ enteredBy: clerk.id, versionId, channel: 'paper' });
			expect(rows[0].answers).toMatchObject({ improve: '村里电压低' });
			const kit = await offlineKit(db, SLUG, clerk);
			expect(kit.codes).toContainEqual({ code: codes[0], used: true });
		});

		it('refuses a used code with its reason and the response it belongs to; stores nothing', async () => {
			const { db } = current();
			const outcome = await sendQueuedForm(db, SLUG, clerk.id, {
				token: token('b'),
				versionId,
				fields: fields(codes[0], '重复的表')
			});
			const [holder] = await storedWith(token('a'));
			expect(outcome).toEqual({
				status: 'refused',
				reason: 'form_code_entered',
				errors: { form_code: 'form_code_entered' },
				enteredResponseId: holder.id
			});
			expect(await storedWith(token('b'))).toHaveLength(0);
		});

		it('refuses answers that do not parse, field by field', async () => {
			const { db } = current();
			const outcome = await sendQueuedForm(db, SLUG, clerk.id, {
				token: token('c'),
				versionId,
				fields: fields(codes[1], '好').map(([k, v]) => [k, k === 'n_group' ? '9' : v])
			});
			expect(outcome).toMatchObject({ status: 'refused', reason: 'invalid' });
			expect(outcome.status === 'refused' && outcome.errors.group).toBe('entry_number');
			expect(await storedWith(token('c'))).toHaveLength(0);
		});

		it('refuses bad input as such: a malformed token, a version of another campaign', async () => {
			const { db } = current();
			await expect(
				sendQueuedForm(db, SLUG, clerk.id, { token: 'short', versionId, fields: [] })
			).rejects.toBeInstanceOf(Invalid);
			const earlier = await getCampaign(db, 'liuyang-2013');
			const earlierVersion = (await latestVersion(db, earlier.id))!.id;
			await expect(
				sendQueuedForm(db, SLUG, clerk.id, {
					token: token('d'),
					versionId: earlierVersion,
					fields: fields(codes[1], '好')
				})
			).rejects.toBeInstanceOf(Invalid);
			expect(await storedWith(token('d'))).toHaveLength(0);
		});

		it('a form typed against a version replaced meanwhile is refused with that reason, never read against the new one', async () => {
			const { db } = current();
			const draft = (await getCampaign(db, SLUG)).draftQuestions.map((q) =>
				q.id === 'improve' ? { ...q, title: `${q.title}（新版）` } : q
			);
			await db.update(campaigns).set({ draftQuestions: draft }).where(eq(campaigns.slug, SLUG));
			await publishQuestionnaire(db, null, SLUG);
			const campaign = await getCampaign(db, SLUG);
			const newer = (await latestVersion(db, campaign.id))!.id;
			expect(newer).not.toBe(versionId);
			const outcome = await sendQueuedForm(db, SLUG, clerk.id, {
				token: token('e'),
				versionId,
				fields: fields(codes[1], '旧版本上录入的')
			});
			expect(outcome).toMatchObject({
				status: 'refused',
				reason: 'version_replaced',
				errors: { version: 'version_replaced' }
			});
			expect(await storedWith(token('e'))).toHaveLength(0);
			// A form stored before the replacement still gets its receipt on a retry.
			expect(
				await sendQueuedForm(db, SLUG, clerk.id, {
					token: token('a'),
					versionId,
					fields: fields(codes[0], '村里电压低')
				})
			).toMatchObject({ status: 'stored', repeated: true });
			// Corrected against the new version, it goes in.
			const corrected = await sendQueuedForm(db, SLUG, clerk.id, {
				token: token('e'),
				versionId: newer,
				fields: fields(codes[1], '按新版本更正')
			});
			expect(corrected).toMatchObject({ status: 'stored', repeated: false });
			versionId = newer;
		});

		it('takes paper forms after the campaign closed, refuses them once it is archived', async () => {
			const { db } = current();
			await db.update(campaigns).set({ status: 'closed' }).where(eq(campaigns.slug, SLUG));
			const closed = await sendQueuedForm(db, SLUG, clerk.id, {
				token: token('f'),
				versionId,
				fields: fields(codes[2], '活动结束后收回的表')
			});
			expect(closed).toMatchObject({ status: 'stored' });
			await db.update(campaigns).set({ status: 'archived' }).where(eq(campaigns.slug, SLUG));
			const archived = await sendQueuedForm(db, SLUG, clerk.id, {
				token: token('g'),
				versionId,
				fields: fields(codes[3], '归档后才寄到的表')
			});
			expect(archived).toEqual({
				status: 'refused',
				reason: 'archived',
				errors: { form: 'archived_read_only' }
			});
			expect(await storedWith(token('g'))).toHaveLength(0);
			// Stored before the archive: the retry still gets its receipt.
			expect(
				await sendQueuedForm(db, SLUG, clerk.id, {
					token: token('f'),
					versionId,
					fields: fields(codes[2], '活动结束后收回的表')
				})
			).toMatchObject({ status: 'stored', repeated: true });
			await db.update(campaigns).set({ status: 'open' }).where(eq(campaigns.slug, SLUG));
		});
	},
	{ demo: true }
);
