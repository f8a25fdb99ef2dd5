import { expect, test } from '@playwright/test';
import { expectFitsAndShoot, logIn } from './helpers';

const RESULTS = '/admin/campaigns/liuyang-2014/results';

test('an organiser copies a campaign, and sees 2014 beside 2013 on the results page', async ({
	page
}) => {
	await logIn(page, 'organiser1');
	await page.goto('/admin/campaigns');
	await page.waitForLoadState('networkidle');
	const slug = `copy-e2e-${Date.now().toString(36)}`;
	await page.getByLabel('从往期活动复制').selectOption('liuyang-2014');
	await page.getByLabel('活动名称').fill('2015年意见征求（复制）');
	await page.getByLabel('网址代码').fill(slug);
	// 2014's form asks for contact details: an anonymous copy is refused and said at the field.
	await page.getByRole('radio', { name: /^匿名/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(
		page.locator('.error-summary').getByRole('link', { name: '匿名活动不能收集联系方式。' })
	).toBeVisible();
	await expect(page.getByLabel('从往期活动复制')).toHaveValue('liuyang-2014');
	await page.getByRole('radio', { name: /^可留联系方式/ }).check();
	await page.getByRole('button', { name: '新建活动' }).click();
	await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${slug}/questionnaire`));
	// The copy's draft holds 2014's questions.
	await expect(page.getByRole('region', { name: /第 3 题/ }).getByLabel('题目')).toHaveValue(
		'您对供电质量的满意程度'
	);
	// And its distribution plan (issued counts).
	await page.goto(`/admin/campaigns/${slug}/distribution`);
	await expect(page.getByText('1751').first()).toBeVisible();

	// 2014 was copied from 2013: its results compare with it by default.
	await page.goto(RESULTS);
	const summary = page.getByTestId('comparison');
	await expect(summary).toContainText('2013');
	await expect(summary).toContainText('复制而来');
	await expect(page.locator('select[name=compare]')).toHaveValue('liuyang-2013');
	const supply = page.getByTestId('compare-supply');
	await expect(supply).toContainText('平均分');
	await expect(supply).toContainText('↑');
	await expect(supply.locator('.visually-hidden').first()).toHaveText('上升');
	await expect(page.getByTestId('compare-improve')).toContainText('对比活动没有这道题');
	await expect(page.getByTestId('compare-priorities')).toContainText('未设此项');
	await expectFitsAndShoot(page, 'results-compare');

	// A township filter applies to both; no comparison at all when none is chosen.
	await page.waitForLoadState('networkidle');
	await page.locator('select[name=area]').selectOption({ label: '张坊' });
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/area=\d+/);
	await expect(page).toHaveURL(/compare=liuyang-2013/);
	await expect(page.getByTestId('compare-supply')).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.locator('select[name=compare]').selectOption('');
	await page.getByRole('button', { name: '查看' }).click();
	await expect(page).toHaveURL(/compare=(&|$)/);
	await expect(page.getByTestId('comparison')).toHaveCount(0);
	await expect(page.getByTestId('compare-supply')).toHaveCount(0);

	// A campaign that is not there is a 400 that says so.
	const bad = await page.goto(`${RESULTS}?compare=no-such-campaign`);
	expect(bad?.status()).toBe(400);
	const api = await page.request.get('/api/v1/campaigns/liuyang-2014/results?compare=liuyang-2013');
	expect(api.status()).toBe(200);
	expect((await api.json()).compare.campaign.slug).toBe('liuyang-2013');
});

// Issue 17, item 6: the new types against an earlier campaign. Set up through the same forms an
// organiser posts (the builder's JSON field, the public form without JavaScript), then read.
test('the new types beside the campaign they were copied from, in Chinese and English', async ({
	page
}) => {
	test.slow();
	await logIn(page, 'organiser1');
	const origin = new URL(page.url()).origin;
	const stamp = Date.now().toString(36);
	const [earlier, later] = [`yoy-a-${stamp}`, `yoy-b-${stamp}`];
	const headers = { origin, accept: 'text/html' };
	const question = (id: string, type: string, extra: object = {}) => ({
		id,
		type,
		title: `题 ${id}`,
		required: false,
		options: [],
		maxPicks: 0,
		...extra
	});
	const questions = (s7Points: number) => [
		question('rec', 'nps', { title: '您会向亲友推荐吗？' }),
		question('s7', 'rating', { title: '电压稳定', points: s7Points }),
		question('hours', 'number', { title: '上月停电几小时？', min: 0, max: 100 }),
		question('rank', 'ranking', {
			title: '最看重的两项',
			maxPicks: 2,
			options: [
				{ id: 'a', label: '抢修速度' },
				{ id: 'b', label: '电价' },
				{ id: 'c', label: '服务态度' }
			]
		}),
		question('day', 'date', { title: '最近一次停电的日期' })
	];
	const publishAndOpen = async (slug: string, s7Points: number) => {
		const saved = await page.request.post(`/admin/campaigns/${slug}/questionnaire?/publish`, {
			form: { questions: JSON.stringify(questions(s7Points)) },
			headers,
			maxRedirects: 0
		});
		expect(saved.status()).toBe(200);
		await page.goto(`/admin/campaigns/${slug}`);
		await page.getByRole('button', { name: '开放填写' }).click();
		await expect(page.getByText('状态已更新')).toBeVisible();
	};
	/** Posts the public form without JavaScript with these fields (the ranking's as "option:place"). */
	const submit = async (slug: string, fields: [string, string][]) => {
		await page.goto(`/f/${slug}`);
		const body = await page.locator('form[method="POST"]').evaluate((form, fields) => {
			const data = new FormData(form as HTMLFormElement);
			// The form's own empty boxes and selects give way to the values given.
			for (const [name] of fields) data.delete(name);
			for (const [name, value] of fields) data.append(name, value);
			return new URLSearchParams(data as unknown as string).toString();
		}, fields);
		const sent = await page.request.post(`/f/${slug}`, {
			data: body,
			headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
			maxRedirects: 0
		});
		expect(sent.status()).toBe(303);
	};
	const create = async (slug: string, copyFrom?: string) => {
		await page.goto('/admin/campaigns');
		await page.waitForLoadState('networkidle');
		if (copyFrom) await page.getByLabel('从往期活动复制').selectOption(copyFrom);
		await page.getByLabel('活动名称').fill(copyFrom ? '对比题型（本期）' : '对比题型（往期）');
		await page.getByLabel('网址代码').fill(slug);
		await page.getByRole('radio', { name: /^匿名/ }).check();
		await page.getByRole('button', { name: '新建活动' }).click();
		await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${slug}/questionnaire`));
	};

	// Earlier: recommendations 10, 9, 5 (NPS (2 − 1)/3 = 33), hours 2 and 6, a first then b.
	await create(earlier);
	await publishAndOpen(earlier, 7);
	const answers = (rec: string, s7: string, hours: string, rank: string[], day: string) =>
		[
			['q_rec', rec],
			['q_s7', s7],
			['q_hours', hours],
			...rank.map((id, i) => ['q_rank', `${id}:${i + 1}`]),
			['q_day', day]
		] as [string, string][];
	await submit(earlier, answers('10', '7', '2', ['a', 'b'], '2013-03-05'));
	await submit(earlier, answers('9', '6', '6', ['a', 'c'], '2013-04-01'));
	await submit(earlier, answers('5', '2', '', ['b', 'a'], ''));
	// Later, copied from it with the 7-point rating asked on 5 points: NPS (1 − 2)/3 = −33.
	await create(later, earlier);
	await publishAndOpen(later, 5);
	await submit(later, answers('10', '5', '3', ['b', 'a'], '2014-03-05'));
	await submit(later, answers('6', '4', '5', ['b', 'c'], ''));
	await submit(later, answers('3', '', '', [], ''));

	const results = `/admin/campaigns/${later}/results`;
	await page.goto(results);
	await expect(page.getByTestId('comparison')).toContainText('对比题型（往期）');
	const rec = page.getByTestId('compare-rec');
	await expect(rec.getByRole('row', { name: /^净推荐值/ })).toContainText('-33');
	await expect(rec.getByRole('row', { name: /^净推荐值/ })).toContainText('+33');
	await expect(rec.getByRole('row', { name: /^净推荐值/ })).toContainText('66 分');
	await expect(rec.getByRole('row', { name: /^推荐者/ })).toContainText('33.3 个百分点');
	await expect(page.getByTestId('compare-s7')).toContainText(
		'两次的量表不同（本活动 5 分制，对比活动 7 分制），平均分不作比较。'
	);
	// Hours: now 3, 5 → mean 4, median 4; before 2, 6 → 4, 4.
	const hours = page.getByTestId('compare-hours');
	await expect(hours.getByRole('row', { name: /^平均/ })).toContainText('4.00');
	await expect(hours.getByRole('row', { name: /^中位数/ })).toContainText('持平');
	// Mean places — now a 2, b 1 (1, 1), c 2; before a 4/3 (1, 1, 2), b 1.5 (2, 1), c 2.
	const rank = page.getByTestId('compare-rank');
	await expect(rank.getByRole('row', { name: /抢修速度/ })).toContainText('2.00');
	await expect(rank.getByRole('row', { name: /抢修速度/ })).toContainText('1.33');
	await expect(rank.getByRole('row', { name: /抢修速度/ })).toContainText('↑');
	await expect(rank.getByRole('row', { name: /电价/ })).toContainText('↓');
	await expect(rank.getByRole('row', { name: /电价/ })).toContainText('0.50');
	await expect(rank).toContainText('平均名次越小越靠前');
	await expect(page.getByTestId('compare-day')).toContainText(
		'日期题不与往期对比（不同年份的日子不能直接相比）：本活动 1 人作答，对比活动 2 人。'
	);
	await expectFitsAndShoot(page, 'results-compare-types');

	await page.goto(`/lang/en?next=${results}`);
	await expect(page.getByTestId('compare-s7')).toContainText(
		'The scales differ (5-point here, 7-point in the earlier campaign): means are not compared.'
	);
	await expect(
		page.getByTestId('compare-rec').getByRole('row', { name: /^Net promoter score/ })
	).toContainText('66 points');
	await expect(page.getByTestId('compare-day')).toContainText('Dates are not compared');
	await expect(page.getByTestId('compare-rank')).toContainText('The smaller the mean place');
	await expectFitsAndShoot(page, 'results-compare-types-en');
	await page.goto('/lang/zh-CN?next=/admin');
});
