import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { queryPrepared, queryRows } from '../db';
import { recordResponse, type NewResponse } from './record-response';
import { parseAnswers } from '../../questionnaire/answers';
import { blankQuestion } from '../../questionnaire/types';
import { createCampaign } from '../campaigns/campaigns';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import { describeEachDatabase } from '../test/databases';
import { demoResponses } from '../test/demo-response';

describeEachDatabase(
	'storing responses in batches',
	(current) => {
		const demoInput = () => demoResponses(current().db);

		it('stores 60 submissions that arrive together exactly once each, repeats included', async () => {
			const { db } = current();
			const input = await demoInput();
			const tokens = Array.from({ length: 50 }, (_, i) => `batch${String(i).padStart(3, '0')}`);
			// Every fifth form is sent twice at the same moment (a double click): same token, same receipt.
			const sends = [...tokens, ...tokens.filter((_, i) => i % 5 === 0)];
			const results = await Promise.all(
				sends.map((t) => recordResponse(db, input(t, `意见 ${t}：抢修太慢`)))
			);
			const byToken = new Map<string, Set<string>>();
			sends.forEach((t, i) =>
				byToken.set(t, (byToken.get(t) ?? new Set()).add(results[i].receiptCode))
			);
			for (const receipts of byToken.values()) expect(receipts.size).toBe(1);
			expect(results.filter((r) => r.repeated)).toHaveLength(10);

			const rows = await queryRows<{
				token: string;
				receipt: string;
				items: number;
				texts: string;
			}>(
				db,
				sql`select r.submission_token as token, r.receipt_code as receipt, count(i.id)::int as items,
					string_agg(i.text || '|' || s.title || '|' || (s.campaign_id = r.campaign_id)::text, ',') as texts
				from responses r
				left join suggestion_items i on i.response_id = r.id
				left join suggestions s on s.id = i.suggestion_id and s.id = i.origin_id
				where r.submission_token like 'batch%'
				group by r.id`
			);
			expect(rows).toHaveLength(50);
			for (const row of rows) {
				expect(row.receipt).toBe([...byToken.get(row.token)!][0]);
				// Each response got its own suggestion with its own raw item, none of another's.
				expect(row.items).toBe(1);
				expect(row.texts).toBe(`意见 ${row.token}：抢修太慢|意见 ${row.token}：抢修太慢|true`);
			}
		});

		it('fails only the bad submission of a batch and stores the others', async () => {
			const { db } = current();
			const input = await demoInput();
			const bad = { ...input('badrow', '无'), versionId: 999_999 };
			const outcomes = await Promise.allSettled([
				recordResponse(db, input('good-a', '电压太低')),
				recordResponse(db, input('good-b', '电压太低')),
				recordResponse(db, bad),
				recordResponse(db, input('good-c', '电压太低'))
			]);
			expect(outcomes.map((o) => o.status)).toEqual([
				'fulfilled',
				'fulfilled',
				'rejected',
				'fulfilled'
			]);
			const [{ n }] = await queryRows<{ n: number }>(
				db,
				sql`select count(*)::int as n from responses where submission_token in ('good-a', 'good-b', 'good-c', 'badrow')`
			);
			expect(n).toBe(3);
		});

		it('stores the same token sent to two campaigns once in each, and a repeat in one gets its first receipt', async () => {
			const { db } = current();
			const input = await demoInput();
			await createCampaign(db, null, {
				title: '另一活动',
				slug: 'other-campaign',
				introduction: '',
				startsOn: null,
				endsOn: null,
				anonymous: true
			});
			await saveDraft(db, null, 'other-campaign', [
				{ ...blankQuestion('a', 'suggestion'), title: '意见' }
			]);
			const version = await publishQuestionnaire(db, null, 'other-campaign');
			const other = (token: string, text: string): NewResponse => {
				const form = new FormData();
				form.set('q_a', text);
				return {
					campaignId: version.campaignId,
					versionId: version.id,
					questions: version.questions,
					anonymous: true,
					submissionToken: token,
					parsed: parseAnswers(version.questions, form),
					channel: 'online'
				};
			};
			const token = 'two-campaigns-token';
			const first = await recordResponse(db, input(token, '路灯不亮'));
			const second = await recordResponse(db, other(token, '道路积水'));
			expect(second).toMatchObject({ repeated: false });
			expect(second.receiptCode).not.toBe(first.receiptCode);
			const again = await recordResponse(db, other(token, '道路积水'));
			expect(again).toEqual({ ...second, repeated: true });
			expect(await recordResponse(db, input(token, '路灯不亮'))).toEqual({
				...first,
				repeated: true
			});
			// Arriving together, in one batch statement, they are two responses too.
			const together = await Promise.all([
				recordResponse(db, input('together-token', '电压太低')),
				recordResponse(db, other('together-token', '电压太低'))
			]);
			expect(together.map((r) => r.repeated)).toEqual([false, false]);
			const rows = await queryRows<{ campaign_id: number; n: number }>(
				db,
				sql`select campaign_id, count(*)::int as n from responses
				where submission_token in (${token}, 'together-token')
				group by campaign_id order by campaign_id`
			);
			expect(rows.map((r) => r.n)).toEqual([2, 2]);
		});

		it('runs a prepared statement the same on the pool and inside a transaction', async () => {
			const { db } = current();
			const text = `select $1::text || '-' || $2::int as joined, $3::text is null as missing`;
			const direct = await queryPrepared(db, text, ['甲', 7, null]);
			// Twice on the pool: the second run uses the statement kept on the connection.
			expect(await queryPrepared(db, text, ['甲', 7, null])).toEqual(direct);
			const inside = await db.transaction((tx) =>
				queryPrepared(tx as never, text, ['甲', 7, null])
			);
			expect(direct).toEqual([{ joined: '甲-7', missing: true }]);
			expect(inside).toEqual(direct);
		});
	},
	{ demo: true }
);
