import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoCampaign, expectFitsAndShoot, hydrated, logIn } from './helpers';
import { received, type SinkMail, type SinkSms } from './message-sink';

// Words no other spec uses, so the sink's messages about this item are found by them.
const WORDS = '石门坎村';
const PHONE = '13900139018';
const EMAIL = 'shi.dabo@example.com';

/** A proposer on a small phone with JavaScript off, as the public pages are meant for. */
async function phone(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		javaScriptEnabled: false,
		viewport: { width: 360, height: 800 },
		locale: 'zh-CN'
	});
	return context.newPage();
}

/** Waits until the sink has received a message that `match` picks, and answers it. */
async function arrival<T extends SinkMail | SinkSms>(
	pick: (all: Awaited<ReturnType<typeof received>>) => T[],
	match: (message: T) => boolean
): Promise<T> {
	let found: T | undefined;
	await expect
		.poll(async () => (found = pick(await received()).find(match)), {
			// The worker sends 200 ms after the event; the minute's run picks up what that missed.
			timeout: 75_000,
			intervals: [250, 500, 1000]
		})
		.toBeTruthy();
	return found!;
}

/**
 * The `round`-th message to the proposer's e-mail about this item: one per 回访 round. They left a
 * phone too; the e-mail is preferred, and the phone gets nothing (checked at the end).
 */
async function mailFor(round: number): Promise<SinkMail> {
	const mine = (all: { mails: SinkMail[] }) =>
		all.mails.filter((m) => m.to.includes(EMAIL) && m.text.includes(WORDS));
	await expect
		.poll(async () => mine(await received()).length, {
			timeout: 75_000,
			intervals: [250, 500, 1000]
		})
		.toBe(round);
	return mine(await received())[round - 1];
}

const mailTo = (address: string, subject: RegExp) =>
	arrival(
		(all) => all.mails,
		(m) => m.to.includes(address) && subject.test(m.subject)
	);

/** The 回访 and stop links a message carries. */
function links(text: string) {
	const answer = /https?:\/\/[^\s（）()]+\/r\/([A-Z0-9]+)(?=[\s（(]|$)/.exec(text);
	const stop = /https?:\/\/[^\s（）()]+\/r\/[A-Z0-9]+\/stop/.exec(text);
	expect(answer, text).not.toBeNull();
	expect(stop, text).not.toBeNull();
	return { answer: answer![0], code: answer![1], stop: stop![0] };
}

async function reply(handler: Page, href: string, text: string) {
	await handler.goto(href);
	await hydrated(handler);
	await handler.locator('#w-status').selectOption('resolved');
	await handler.locator('#w-reply').fill(text);
	await handler.getByRole('button', { name: '更新状态' }).click();
	await expect(handler.getByText('已保存')).toBeVisible();
	await expect(handler.locator('p.meta').first()).toContainText('已整改');
}

async function chooseEmail(page: Page, address: string) {
	await page.goto('/admin/account');
	await hydrated(page);
	await page.getByLabel('通过邮件接收').check();
	await page.getByLabel('电子邮箱').fill(address);
	await page.getByRole('button', { name: '保存通知设置' }).click();
	await expect(page.getByText('通知设置已保存。')).toBeVisible();
}

test('the loop with people: 不满意 at 360 px without JavaScript from the message’s link, reopened to the inbox, an extension asked and approved, the reply sent to the sink, 满意', async ({
	browser
}) => {
	test.setTimeout(240_000);

	// A proposer answers the form on a phone without JavaScript and leaves a contact.
	const citizen = await phone(browser);
	await citizen.goto('/f/liuyang-2014');
	await citizen.getByRole('radio', { name: '电力客户' }).check();
	await citizen.locator('input[name="q_supply"][value="3"]').check();
	await citizen.locator('input[name="q_service"][value="3"]').check();
	await citizen.getByLabel(/哪些方面还有待改进/).fill(`${WORDS}的路灯线路老化，下雨就停电。`);
	await citizen.getByLabel('姓名', { exact: true }).fill('石大伯');
	await citizen.getByLabel('电话', { exact: true }).fill(PHONE);
	const email = citizen.getByLabel('电子邮箱', { exact: true });
	await expect(email).toHaveAttribute('type', 'email');
	await expect(email).toHaveAttribute('inputmode', 'email');
	await expect(email).toHaveAttribute('autocomplete', 'email');
	// A slip is stopped at the field by the browser itself, JavaScript or not (the server's own
	// check, with its message at the question, is in contact.spec.ts).
	await email.fill('shi.dabo@');
	await citizen.getByRole('button', { name: '提交' }).click();
	expect(await email.evaluate((el: HTMLInputElement) => el.validity.typeMismatch)).toBe(true);
	await expect(citizen).toHaveURL(/\/f\/liuyang-2014$/);
	await email.fill(EMAIL);
	await citizen.getByRole('button', { name: '提交' }).click();
	const code = (await citizen.locator('.code strong').textContent())!.trim();

	// The handler and the reviewer take their notices by e-mail too.
	const handler = await browser.newPage();
	await logIn(handler, 'handler-a');
	await chooseEmail(handler, 'handler-a@example.org');
	const reviewer = await browser.newPage();
	await logIn(reviewer, 'reviewer1');
	await chooseEmail(reviewer, 'reviewer1@example.org');

	// The reviewer files it and assigns it to 营销部; the handler's assignment arrives by e-mail.
	await reviewer.goto(
		`/admin/suggestions?campaign=${await demoCampaign(reviewer)}&q=${encodeURIComponent(WORDS)}`
	);
	await reviewer.waitForLoadState('networkidle');
	const href = (await reviewer.locator('[data-row] a.title').first().getAttribute('href'))!;
	expect(href).toMatch(/^\/admin\/suggestions\/\d+$/);
	const id = href.split('/').at(-1)!;
	await reviewer.goto(href);
	await hydrated(reviewer);
	await reviewer.locator('#w-category').selectOption({ label: '其他' });
	await reviewer.locator('form:has(#w-category) button[type="submit"]').click();
	await expect(reviewer.getByText('已保存')).toBeVisible();
	await reviewer.locator('#w-department').selectOption({ label: '营销部' });
	await reviewer.locator('#w-deadline').fill('2030-06-28');
	await reviewer.locator('form:has(#w-department) button[type="submit"]').click();
	await expect(reviewer.locator('p.meta').first()).toContainText('营销部');
	const assigned = await mailTo('handler-a@example.org', new RegExp(`^新交办：#${id} `));
	expect(assigned.text).toContain(`/admin/suggestions/${id}`);

	// The first reply goes out to the proposer by e-mail, with the 回访 link and the stop link.
	// No staff name, no department, no phone in it.
	await reply(handler, href, '已安排检修班更换路灯线路。');
	const first = await mailFor(1);
	expect(first.subject).toBe('您的意见已有答复');
	const firstLinks = links(first.text);
	expect(firstLinks.code).toBe(code);
	expect(first.text).not.toContain('营销部');
	expect(first.text).not.toContain('handler-a');
	expect(first.text).not.toContain(PHONE);

	// The proposer follows the link at 360 px without JavaScript and says 不满意.
	await citizen.goto(firstLinks.answer);
	await expect(citizen.getByText('您对这条答复满意吗？')).toBeVisible();
	await expectFitsAndShoot(citizen, 'loop-story-asked');
	await citizen.setViewportSize({ width: 360, height: 800 });
	await citizen.getByRole('radio', { name: '不满意', exact: true }).check();
	await citizen.getByLabel('还想说的话（可不填）').fill('换了线路，路灯还是一下雨就灭。');
	await citizen.getByRole('button', { name: '提交评价' }).click();
	await expect(citizen.getByRole('status')).toContainText('已退回责任部室重新办理');
	await expect(citizen.locator('[data-reopened="1"]')).toBeVisible();

	// It reopens in the handler's inbox, and the handler is told by e-mail with the comment.
	await handler.goto('/admin/inbox');
	await expect(handler.getByTestId('inbox-reopened')).toContainText(WORDS);
	await expect(handler.getByTestId('inbox-reopened')).toContainText('一下雨就灭');
	await expectFitsAndShoot(handler, 'loop-story-inbox-reopened');
	const reopened = await mailTo('handler-a@example.org', new RegExp(`#${id} `));
	await expect
		.poll(async () =>
			(await received()).mails.some(
				(m) =>
					m.to.includes('handler-a@example.org') &&
					m.subject.startsWith('群众不满意') &&
					m.text.includes('一下雨就灭')
			)
		)
		.toBe(true);
	expect(reopened.text).toContain(`/admin/suggestions/${id}`);

	// The handler asks for more time; the reviewer is told by e-mail and approves.
	await handler.goto(href);
	await hydrated(handler);
	await handler.getByText('申请延期', { exact: true }).click();
	await handler.locator('#h-ext-deadline').fill('2030-07-31');
	await handler.locator('#h-ext-reason').fill('需要等路灯专线改造的物资到货。');
	await handler.getByRole('button', { name: '提交延期申请' }).click();
	await expect(handler.locator('[data-testid="request-extension"]')).toContainText('待审批');
	const asked = await mailTo('reviewer1@example.org', new RegExp(`^申请延期：#${id} `));
	expect(asked.text).toContain('2030-07-31');
	await reviewer.goto('/admin/inbox');
	await expect(reviewer.getByTestId('inbox-requests')).toContainText(WORDS);
	await reviewer.goto(href);
	await reviewer
		.locator('[data-testid="request-extension"] input[name="note"]')
		.fill('同意，物资到货后尽快完成。');
	await reviewer.getByRole('button', { name: '同意', exact: true }).click();
	await expect(reviewer.locator('[data-testid="deadlines"]')).toContainText('2030-07-31');
	await expectFitsAndShoot(reviewer, 'loop-story-extension-approved');
	const granted = await mailTo('handler-a@example.org', new RegExp(`^延期申请已同意：#${id} `));
	expect(granted.text).toContain('2030-07-31');

	// The new reply goes out: a second message, for the second round.
	await reply(handler, href, '路灯专线已改造完成，并加装了防水接线盒。');
	const second = await mailFor(2);
	expect(second.messageId).not.toBe(first.messageId);
	const secondLinks = links(second.text);
	expect(secondLinks.code).toBe(code);

	// The proposer follows it, still at 360 px without JavaScript, and is satisfied.
	await citizen.goto(secondLinks.answer);
	await expect(citizen.getByText('您对这条答复满意吗？')).toBeVisible();
	await citizen.getByRole('radio', { name: '满意', exact: true }).check();
	await citizen.getByRole('button', { name: '提交评价' }).click();
	await expect(citizen.getByRole('status')).toContainText('您的评价已收到');
	await expect(citizen.locator('[data-step="followUp"]')).toHaveClass(/done/);
	await expect(citizen.locator('main')).not.toContainText('handler-a');
	await expectFitsAndShoot(citizen, 'loop-story-satisfied');

	// The stop link opens a page that changes nothing until its button is pressed.
	await citizen.setViewportSize({ width: 360, height: 800 });
	await citizen.goto(secondLinks.stop);
	await expect(citizen.getByRole('button')).toBeVisible();
	await expectFitsAndShoot(citizen, 'loop-story-stop');

	// The delivery log shows each message sent as e-mail, the proposer's address masked.
	const admin = await browser.newPage();
	await logIn(admin, 'admin');
	await admin.goto('/admin/notifications/log');
	const rows = admin.locator('tbody tr', { hasText: `#${id}` });
	const toProposer = rows.filter({ hasText: '群众' });
	await expect(toProposer).toHaveCount(2);
	for (const row of await toProposer.all()) {
		await expect(row).toContainText('邮件');
		await expect(row).toContainText('已发送');
		await expect(row).toContainText('s***@example.com');
	}
	await expect(admin.locator('main')).not.toContainText(PHONE);
	await expect(admin.locator('main')).not.toContainText(EMAIL);
	// Both were left: the e-mail was used, and the phone got nothing.
	expect((await received()).sms.filter((s) => s.text.includes(WORDS))).toEqual([]);
	await expectFitsAndShoot(admin, 'loop-story-log');
	await citizen.context().close();
});
