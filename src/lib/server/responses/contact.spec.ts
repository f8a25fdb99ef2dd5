import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { getCampaign, latestVersion } from '../campaigns/queries';
import type { Database } from '../db';
import { responses, suggestionItems, units } from '../db/schema';
import { submitPublicForm } from '../intake/public-form';
import { findReceipt } from '../intake/receipt-lookup';
import { makeActor } from '../test/actors';
import { describeEachDatabase } from '../test/databases';
import type { Actor } from '../suggestions/actor';
import { suggestionChanges } from '../suggestions/changes';
import { sourcesOf } from '../suggestions/queries';
import { assign, categorise } from '../suggestions/workflow';
import { categories } from '../db/schema';
import { correctResponse, listRevisions } from './corrections';
import { allResponses, getResponseRecord } from './records';

const PHONE = '13698765432';
const EMAIL = 'zhao.ceshi@example.com';

describeEachDatabase(
	'one contact-data rule',
	(current) => {
		let campaignId = 0;
		let responseId = 0;
		let suggestionId = 0;
		let reviewer: Actor;
		let own: Actor;
		let other: Actor;
		const clerk = { id: 0, role: 'clerk' as const, unitId: null };
		const organiser = { id: 0, role: 'organiser' as const, unitId: null };
		const leader = { id: 0, role: 'leader' as const, unitId: null };

		/** The demo questionnaire answered, with the respondent's name and phone. */
		async function answers(db: Database, phone: string) {
			const version = await latestVersion(db, campaignId);
			const form = new FormData();
			form.set('q_group', version!.questions.find((q) => q.type === 'group')!.options[2].id);
			form.set('q_supply', '2');
			form.set('q_service', '3');
			form.set('q_improve', '台区电压太低，空调开不起来');
			form.set('q_contact_name', '赵测试');
			form.set('q_contact_phone', phone);
			form.set('q_contact_email', EMAIL);
			return form;
		}

		it('sets up a response with contact details on a 营销部 suggestion', async () => {
			const { db } = current();
			campaignId = (await getCampaign(db, 'liuyang-2014')).id;
			const form = await answers(db, PHONE);
			form.set('submission_token', 'c'.repeat(32));
			const outcome = await submitPublicForm(db, 'liuyang-2014', form, '10.7.0.1');
			if (outcome.kind !== 'stored') throw new Error(outcome.kind);
			responseId = (await findReceipt(db, outcome.receiptCode))!.responseId;
			[{ suggestionId }] = await db
				.select({ suggestionId: suggestionItems.suggestionId })
				.from(suggestionItems)
				.where(eq(suggestionItems.responseId, responseId));
			const [marketing] = await db.select().from(units).where(eq(units.name, '营销部'));
			const [maintenance] = await db.select().from(units).where(eq(units.name, '运维检修部'));
			reviewer = await makeActor(db, 'ct-rev', 'reviewer', null);
			own = await makeActor(db, 'ct-own', 'handler', marketing.id);
			other = await makeActor(db, 'ct-other', 'handler', maintenance.id);
			clerk.id = organiser.id = reviewer.id;
			const [other_] = await db.select().from(categories).where(eq(categories.key, 'other'));
			await categorise(db, reviewer, [suggestionId], { categoryId: other_.id, nature: 'routine' });
			await assign(db, reviewer, [suggestionId], { departmentId: marketing.id, deadline: null });
			expect(suggestionId).toBeGreaterThan(0);
			const [stored] = await db.select().from(responses).where(eq(responses.id, responseId));
			expect(stored).toMatchObject({ contactPhone: PHONE, contactEmail: EMAIL });
		});

		it('refuses a malformed e-mail at the contact question and stores nothing', async () => {
			const { db } = current();
			const count = async () => (await db.select({ id: responses.id }).from(responses)).length;
			const before = await count();
			const form = await answers(db, PHONE);
			form.set('q_contact_email', 'zhao@@example');
			form.set('submission_token', 'e'.repeat(32));
			const outcome = await submitPublicForm(db, 'liuyang-2014', form, '10.7.0.2');
			expect(outcome).toMatchObject({ kind: 'invalid', errors: { contact: 'email_format' } });
			expect(await count()).toBe(before);
		});

		it('loads no contact columns for a clerk, the stored ones for an organiser', async () => {
			const { db } = current();
			expect(await getResponseRecord(db, campaignId, responseId, clerk)).toMatchObject({
				contactName: null,
				contactPhone: null,
				contactEmail: null
			});
			expect(await getResponseRecord(db, campaignId, responseId, organiser)).toMatchObject({
				contactName: '赵测试',
				contactPhone: PHONE,
				contactEmail: EMAIL
			});
		});

		it('loads no contact columns for an export without them, not only leaves them out of the file', async () => {
			const { db } = current();
			const without = (await allResponses(db, campaignId, false)).find((r) => r.id === responseId);
			expect(without).toMatchObject({ contactName: null, contactPhone: null, contactEmail: null });
			const withIt = (await allResponses(db, campaignId, true)).find((r) => r.id === responseId);
			expect(withIt).toMatchObject({
				contactName: '赵测试',
				contactPhone: PHONE,
				contactEmail: EMAIL
			});
		});

		it("keeps the stored contact through a clerk's correction, and keeps it out of their history", async () => {
			const { db } = current();
			const form = await answers(db, '13500000000');
			form.set('q_contact_name', '');
			form.set('q_contact_email', 'other@example.com');
			const outcome = await correctResponse(db, clerk, campaignId, responseId, false, form);
			expect(outcome.errors).toEqual({});
			const [row] = await db.select().from(responses).where(eq(responses.id, responseId));
			expect(row).toMatchObject({
				contactName: '赵测试',
				contactPhone: PHONE,
				contactEmail: EMAIL
			});
			const clerkHistory = JSON.stringify(await listRevisions(db, responseId, clerk));
			expect(clerkHistory).not.toContain(PHONE);
			expect(clerkHistory).not.toContain(EMAIL);
			const organiserHistory = JSON.stringify(await listRevisions(db, responseId, organiser));
			expect(organiserHistory).toContain(PHONE);
			expect(organiserHistory).toContain(EMAIL);
		});

		it('announces a correction that changes a suggestion item after it commits, and none that does not', async () => {
			const { db } = current();
			const same = await answers(db, PHONE);
			const before = suggestionChanges.intake;
			expect(
				(await correctResponse(db, organiser, campaignId, responseId, false, same)).errors
			).toEqual({});
			expect(suggestionChanges.intake).toBe(before);
			const reworded = await answers(db, PHONE);
			reworded.set('q_improve', '台区电压太低，晚上空调开不起来');
			expect(
				(await correctResponse(db, organiser, campaignId, responseId, false, reworded)).errors
			).toEqual({});
			expect(suggestionChanges.intake).toBe(before + 1);
		});

		it("shows a suggestion's sources' contact to organiser and the consenting department's handler only", async () => {
			const { db } = current();
			const contactOf = async (actor: Actor) => {
				const source = (await sourcesOf(db, actor, [suggestionId])).find(
					(s) => s.responseId === responseId
				);
				return [source?.contactPhone ?? null, source?.contactEmail ?? null];
			};
			expect(await contactOf(organiser)).toEqual([PHONE, EMAIL]);
			expect(await contactOf(own)).toEqual([PHONE, EMAIL]);
			expect(await contactOf(other)).toEqual([null, null]);
			expect(await contactOf(reviewer)).toEqual([null, null]);
			expect(await contactOf(leader)).toEqual([null, null]);
		});
	},
	{ demo: true }
);
