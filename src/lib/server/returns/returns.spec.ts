import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { messages } from '../../i18n';
import { createApiToken, revokeApiToken, tokenMayRead, verifyApiToken } from '../auth/api-tokens';
import { API_SCOPES } from '../../domain';
import { getCampaign, latestVersion, listCampaigns } from '../campaigns/queries';
import { queryRows } from '../db';
import { distributions, formCodes, responseRevisions, responses, users } from '../db/schema';
import { DEMO_ISSUED, DEMO_RETURNED } from '../demo/returns';
import { generateFormCodes, resolveFormCode } from './form-codes';
import { enterPaperForm } from './paper-entry';
import { formCodeOnOpen, submitPublicForm } from '../intake/public-form';
import { correctResponse } from '../responses/corrections';
import { getResponseRecord } from '../responses/records';
import { exportTable, toCsv, toXlsx } from '../responses/export';
import { campaignStats } from './return-rate';
import { describeEachDatabase } from '../test/databases';

const token = (c: string) => c.repeat(32);

describeEachDatabase(
	'distribution and returns',
	(current) => {
		let campaignId = 0;
		let clerkId = 0;

		it('seeds the demo with the real case: 1,751 issued, 1,640 returned, and every breakdown adds up', async () => {
			const { db } = current();
			const campaign = await getCampaign(db, 'liuyang-2014');
			campaignId = campaign.id;
			const stats = await campaignStats(db, campaign.id);
			expect([stats.issued, stats.returned]).toEqual([DEMO_ISSUED, DEMO_RETURNED]);
			expect(stats.returnRate!.toFixed(3)).toBe('0.937');
			for (const breakdown of [stats.byGroup, stats.byUnit, stats.byArea, stats.byChannel]) {
				expect(new Set(breakdown.map((r) => r.key)).size).toBe(breakdown.length);
				expect(breakdown.reduce((s, r) => s + r.issued, 0)).toBe(stats.issued);
				expect(breakdown.reduce((s, r) => s + r.returned, 0)).toBe(stats.returned);
			}
			expect(stats.byDay.reduce((s, d) => s + d.returned, 0)).toBe(stats.returned);
			// The campaign list shows the same count of returned forms.
			const listed = (await listCampaigns(db)).find((c) => c.slug === 'liuyang-2014');
			expect(listed?.responses).toBe(DEMO_RETURNED);

			// Each figure is a count over rows: check the groups against plain SQL.
			const direct = await queryRows<{ key: string; issued: number; returned: number }>(
				db,
				sql`select g.key,
				(select coalesce(sum(issued), 0)::int from distributions d where d.group_id = g.id and d.campaign_id = ${campaign.id}) as issued,
				(select count(*)::int from responses r where r.group_id = g.id and r.campaign_id = ${campaign.id}) as returned
				from respondent_groups g`
			);
			for (const row of direct) {
				const shown = stats.byGroup.find((b) => b.key === row.key)!;
				expect([shown.issued, shown.returned]).toEqual([row.issued, row.returned]);
			}
		});

		it('says "no rate" rather than dividing by zero where nothing was issued', async () => {
			const { db } = current();
			const version = await latestVersion(db, campaignId);
			const groupOption = version!.questions.find((q) => q.type === 'group')!.options[2].id;
			const form = new FormData();
			for (const [k, v] of Object.entries({
				submission_token: token('w'),
				q_group: groupOption,
				q_supply: '5',
				q_service: '5'
			})) {
				form.set(k, v);
			}
			expect((await submitPublicForm(db, 'liuyang-2014', form, '10.9.0.1')).kind).toBe('stored');
			const stats = await campaignStats(db, campaignId);
			const online = stats.byChannel.find((c) => c.key === 'online')!;
			expect(online).toMatchObject({ issued: 0, returned: 1, returnRate: null });
			expect(stats.returned).toBe(DEMO_RETURNED + 1);
		});

		it('uses a form code exactly once, even when 20 submissions race for it', async () => {
			const { db } = current();
			const campaign = await getCampaign(db, 'liuyang-2014');
			const [row] = await db
				.select()
				.from(distributions)
				.where(and(eq(distributions.campaignId, campaign.id), eq(distributions.channel, 'paper')))
				.limit(1);
			expect(await generateFormCodes(db, null, campaign, row.id, 3)).toBe(3);
			await expect(generateFormCodes(db, null, campaign, row.id, row.issued)).rejects.toMatchObject(
				{
					message: 'too_many_codes'
				}
			);
			const [code] = await db
				.select()
				.from(formCodes)
				.where(eq(formCodes.distributionId, row.id))
				.limit(1);
			const version = await latestVersion(db, campaign.id);
			const groupOption = version!.questions.find((q) => q.type === 'group')!.options[0].id;
			const post = (i: number) => {
				const form = new FormData();
				const t = `${'c'.repeat(30)}${'abcdefghijklmnopqrstuvwxyz234567'[i]}a`;
				for (const [k, v] of Object.entries({
					submission_token: t,
					form_code: code.code.toLowerCase(),
					q_group: groupOption,
					q_supply: '3',
					q_service: '3'
				})) {
					form.set(k, v);
				}
				return submitPublicForm(db, 'liuyang-2014', form, `10.8.0.${i}`);
			};
			const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i)));
			expect(outcomes.filter((o) => o.kind === 'stored')).toHaveLength(1);
			const losers = outcomes.filter((o) => o.kind === 'invalid');
			expect(losers).toHaveLength(19);
			for (const l of losers) {
				expect(l).toMatchObject({ errors: { _form: 'form_code_used' }, formCode: '' });
			}
			const [{ n }] = await db
				.select({ n: count() })
				.from(responses)
				.where(eq(responses.formCodeId, code.id));
			expect(n).toBe(1);
			// The code decided group, unit and channel, whatever the group question said.
			const [stored] = await db.select().from(responses).where(eq(responses.formCodeId, code.id));
			expect([stored.channel, stored.groupId, stored.unitId]).toEqual([
				row.channel,
				row.groupId,
				row.unitId
			]);
			expect((await resolveFormCode(db, campaign.id, code.code))?.used).toBe(true);

			// Opened again from its QR code, before anything is typed: used, and they may answer without it.
			expect(await formCodeOnOpen(db, campaign.id, code.code.toLowerCase(), '192.0.2.1')).toEqual({
				formCode: '',
				notice: 'form_code_used_on_open'
			});
			expect(await formCodeOnOpen(db, campaign.id, 'ZZZZ-ZZZZ', '192.0.2.1')).toEqual({
				formCode: '',
				notice: 'form_code_unknown_on_open'
			});
			const [fresh] = await db
				.select()
				.from(formCodes)
				.where(
					sql`${formCodes.campaignId} = ${campaign.id} and ${formCodes.id} <> ${code.id}
				and not exists (select 1 from responses r where r.form_code_id = ${formCodes.id})`
				)
				.limit(1);
			if (fresh) {
				expect(await formCodeOnOpen(db, campaign.id, fresh.code, '192.0.2.1')).toEqual({
					formCode: fresh.code,
					notice: null
				});
			}
			for (const key of ['form_code_used_on_open', 'form_code_unknown_on_open'] as const) {
				for (const m of [messages('zh-CN'), messages('en')]) {
					expect(m.errors[key]).not.toMatch(/保留|kept/);
				}
			}
		});

		it('enters a paper form by numbers, refuses a used code, and counts the clerk’s day', async () => {
			const { db } = current();
			const [clerk] = await db
				.insert(users)
				.values({ username: `clerk-${Date.now()}`, passwordHash: 'x', role: 'clerk' })
				.returning();
			clerkId = clerk.id;
			const campaign = await getCampaign(db, 'liuyang-2014');
			const [row] = await db
				.select()
				.from(distributions)
				.where(
					and(
						eq(distributions.campaignId, campaign.id),
						eq(distributions.channel, 'suggestion_box')
					)
				)
				.limit(1);
			await generateFormCodes(db, null, campaign, row.id, 1);
			const [code] = await db.select().from(formCodes).where(eq(formCodes.distributionId, row.id));
			const entry = (values: Record<string, string>) => {
				const f = new FormData();
				for (const [k, v] of Object.entries(values)) f.set(k, v);
				return f;
			};
			const values = {
				form_code: code.code,
				n_group: '3',
				q_supply: '4',
				q_service: '5',
				q_improve: '营业厅排队太久',
				n_priorities: '15',
				submission_token: token('e')
			};
			const saved = await enterPaperForm(db, 'liuyang-2014', clerk.id, entry(values));
			expect(saved).toMatchObject({ kind: 'stored', enteredToday: 1 });
			const doubleEnter = await enterPaperForm(db, 'liuyang-2014', clerk.id, entry(values));
			expect(doubleEnter).toMatchObject({ kind: 'stored', repeated: true, enteredToday: 1 });
			const again = await enterPaperForm(
				db,
				'liuyang-2014',
				clerk.id,
				entry({ ...values, submission_token: token('f') })
			);
			// A form already in is said to be, with the response it became: never invited in twice.
			const [first] = await db.select().from(responses).where(eq(responses.formCodeId, code.id));
			expect(again).toMatchObject({
				kind: 'invalid',
				errors: { form_code: 'form_code_entered' },
				enteredResponseId: first.id
			});
			expect(again.kind === 'invalid' && again.typed.q_improve).toBe('营业厅排队太久');
			expect(messages('zh-CN').errors.form_code_entered).not.toMatch(/再次提交|保留/);
			const bad = await enterPaperForm(
				db,
				'liuyang-2014',
				clerk.id,
				entry({ n_group: '9', q_supply: '4', q_service: '4', submission_token: token('g') })
			);
			expect(bad).toMatchObject({ kind: 'invalid', errors: { group: 'entry_number' } });
			const [stored] = await db.select().from(responses).where(eq(responses.formCodeId, code.id));
			expect(stored).toMatchObject({ enteredBy: clerk.id, channel: 'suggestion_box' });
			expect(stored.answers).toMatchObject({
				improve: '营业厅排队太久',
				priorities: ['connection', 'payment']
			});
		});

		it('keeps the previous content of a corrected response in its history', async () => {
			const { db } = current();
			const [stored] = await db.select().from(responses).where(eq(responses.enteredBy, clerkId));
			const clerk = { id: clerkId, role: 'clerk' as const };
			const record = await getResponseRecord(db, campaignId, stored.id, clerk);
			const form = new FormData();
			form.set('q_group', record.questions.find((q) => q.type === 'group')!.options[2].id);
			form.set('q_supply', '2');
			form.set('q_service', '5');
			form.set('q_improve', '营业厅排队太久，周末只开一个窗口');
			const outcome = await correctResponse(db, clerk, campaignId, stored.id, false, form);
			expect(outcome.errors).toEqual({});
			const [revision] = await db
				.select()
				.from(responseRevisions)
				.where(eq(responseRevisions.responseId, stored.id));
			expect((revision.before as { answers: { improve: string } }).answers.improve).toBe(
				'营业厅排队太久'
			);
			expect((revision.after as { answers: { supply: number } }).answers.supply).toBe(2);
			const [after] = await db.select().from(responses).where(eq(responses.id, stored.id));
			expect(after.groupId).toBe(stored.groupId); // a coded form keeps its planned group
		});

		it('exports CSV and XLSX with Chinese text, formula escaping, China time, typed cells, and contact only when allowed', async () => {
			const { db } = current();
			const version = await latestVersion(db, campaignId);
			const groupOption = version!.questions.find((q) => q.type === 'group')!.options[1].id;
			const form = new FormData();
			for (const [k, v] of Object.entries({
				submission_token: token('x'),
				q_group: groupOption,
				q_supply: '1',
				q_service: '1',
				q_improve: '=HYPERLINK("http://evil")',
				q_contact_name: '赵',
				q_contact_phone: '13900000000',
				q_contact_email: 'zhao@example.com'
			})) {
				form.set(k, v);
			}
			const outcome = await submitPublicForm(db, 'liuyang-2014', form, '10.9.0.2');
			expect(outcome.kind).toBe('stored');
			const receipt = outcome.kind === 'stored' ? outcome.receiptCode : '';
			const [stored] = await db.select().from(responses).where(eq(responses.receiptCode, receipt));
			// The time as the response pages show it: China time, whatever the server's zone.
			const china = (at: Date, sep: string) =>
				new Intl.DateTimeFormat('sv-SE', {
					timeZone: 'Asia/Shanghai',
					dateStyle: 'short',
					timeStyle: 'medium'
				})
					.format(at)
					.replace(' ', sep);
			const m = messages('zh-CN');
			const full = await exportTable(db, campaignId, m, true);
			const limited = await exportTable(db, campaignId, m, false);
			expect(full.header).toContain('联系电话');
			expect(limited.header).not.toContain('联系电话');
			expect(limited.rows.flat()).not.toContain('13900000000');
			expect(full.header).toContain('电子邮箱');
			expect(limited.header).not.toContain('电子邮箱');
			expect(JSON.stringify(limited.rows)).not.toContain('zhao@example.com');
			const emailAt = full.header.indexOf('电子邮箱');
			expect(full.rows.find((r) => r[0] === receipt)?.[emailAt]).toBe('zhao@example.com');
			expect(full.rows).toHaveLength(DEMO_RETURNED + 4);
			const csv = toCsv(full);
			expect(csv.startsWith('\uFEFF')).toBe(true);
			expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
			expect(csv).toContain('你认为公司管理的哪些方面还有待改进?');
			const csvLine = csv.split('\r\n').find((l) => l.startsWith(`${receipt},`))!;
			expect(csvLine.split(',')[1]).toBe(`${china(stored.submittedAt, 'T')}+08:00`);
			expect(csvLine.split(',')[2]).toBe(String(version!.version));

			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.load((await toXlsx(full, '答卷')) as unknown as ArrayBuffer);
			const sheet = workbook.worksheets[0];
			expect(sheet.rowCount).toBe(full.rows.length + 1);
			const improveCol = full.header.indexOf('你认为公司管理的哪些方面还有待改进?') + 1;
			const cells = sheet.getColumn(improveCol).values.map(String);
			expect(cells.filter((c) => /[\u4e00-\u9fff]/.test(c)).length).toBeGreaterThan(400);
			// Typed cells: text is a string cell, inert without a visible apostrophe; the time a date
			// cell in China time; the version and ratings numbers.
			const row = sheet
				.getRows(2, sheet.rowCount - 1)!
				.find((r) => r.getCell(1).value === receipt)!;
			const improve = row.getCell(improveCol);
			expect(improve.type).toBe(ExcelJS.ValueType.String);
			expect(improve.value).toBe('=HYPERLINK("http://evil")');
			const when = row.getCell(full.header.indexOf(m.responses.submittedAt) + 1);
			expect(when.type).toBe(ExcelJS.ValueType.Date);
			expect((when.value as Date).toISOString().slice(0, 19)).toBe(china(stored.submittedAt, 'T'));
			expect(when.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
			const versionCell = row.getCell(full.header.indexOf(m.responses.version) + 1);
			expect(versionCell.type).toBe(ExcelJS.ValueType.Number);
			expect(versionCell.value).toBe(version!.version);
			const supply = version!.questions.find((q) => q.id === 'supply')!;
			expect(supply.type).toBe('rating');
			const rating = row.getCell(full.header.indexOf(supply.title) + 1);
			expect(rating.type).toBe(ExcelJS.ValueType.Number);
			expect(rating.value).toBe(1);
			expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
			expect(row.getCell(emailAt + 1).value).toBe('zhao@example.com');
			expect(sheet.getColumn(improveCol).width).toBeGreaterThanOrEqual(20);
		});

		it('API tokens work until revoked or expired, read only their scopes and campaign, and are stored only as hashes', async () => {
			const { db } = current();
			const all = { name: '大屏', scopes: [...API_SCOPES], campaignId: null, expiresOn: null };
			const t = await createApiToken(db, null, all);
			expect(await verifyApiToken(db, t)).toEqual({
				scopes: [...API_SCOPES],
				campaignId: null,
				creatorRole: null
			});
			const [row] = await queryRows<{ token_hash: string; id: number }>(
				db,
				sql`select id, token_hash from api_tokens order by id desc limit 1`
			);
			expect(row.token_hash).not.toContain(t);
			await revokeApiToken(db, null, row.id);
			expect(await verifyApiToken(db, t)).toBeNull();
			expect(await verifyApiToken(db, 'xk_guess')).toBeNull();

			// Scopes and one campaign: what the API routes ask of a token (guard.ts).
			const open = { id: 1, status: 'open' as const };
			const draft = { id: 2, status: 'draft' as const };
			const returnsOnly = await verifyApiToken(
				db,
				await createApiToken(db, null, { ...all, scopes: ['returns'] })
			);
			expect(tokenMayRead(returnsOnly!, 'returns', open)).toBe('ok');
			expect(tokenMayRead(returnsOnly!, 'suggestions', open)).toBe('scope');
			expect(tokenMayRead(returnsOnly!, 'returns', draft)).toBe('draft');
			const [campaign] = await queryRows<{ id: number }>(db, sql`select id from campaigns limit 1`);
			const bound = await verifyApiToken(
				db,
				await createApiToken(db, null, { ...all, campaignId: campaign.id })
			);
			expect(tokenMayRead(bound!, 'returns', { id: campaign.id, status: 'draft' })).toBe('ok');
			expect(tokenMayRead(bound!, 'returns', { id: campaign.id + 1, status: 'open' })).toBe(
				'campaign'
			);
			await expect(createApiToken(db, null, { ...all, campaignId: 99_999 })).rejects.toThrow();

			// Valid through its last day in China time, then dead.
			const today = await createApiToken(db, null, { ...all, expiresOn: '2999-01-01' });
			expect(await verifyApiToken(db, today)).not.toBeNull();
			const lapsed = await createApiToken(db, null, { ...all, expiresOn: '2000-01-01' });
			expect(await verifyApiToken(db, lapsed)).toBeNull();
			const [expiry] = await queryRows<{ at: string }>(
				db,
				sql`select to_char(expires_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') as at from api_tokens order by id desc limit 1`
			);
			expect(expiry.at).toBe('2000-01-02 00:00');
		});
	},
	{ demo: true }
);
