// Hostile spreadsheets against the production server (issue 14 finding 2): the build's import
// worker reads a good XLSX, and a header at XFD1, a zip bomb and junk behind a zip signature are
// refused with 413/400 and a message while the public form keeps answering — nothing stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, startServer, type RunningServer } from '../../scripts/server-process';
import { openDatabase } from '../../src/lib/server/db/client';
import { prepareDatabase } from '../../src/lib/server/startup';
import { sheetXml, xlsxOf } from '../../src/lib/server/test/zip-files';
import { type HttpResponse, keepAliveAgent, logInOver, request } from './http';

const PASSWORD = 'import-bombs-password';
const SLUG = 'liuyang-2014';

function multipart(origin: string, cookie: string, name: string, bytes: Uint8Array) {
	const boundary = `----xinkan${Math.random().toString(16).slice(2)}`;
	const head = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: application/octet-stream\r\n\r\n`;
	return {
		headers: {
			origin,
			cookie,
			accept: 'text/html',
			'content-type': `multipart/form-data; boundary=${boundary}`
		},
		body: Buffer.concat([
			Buffer.from(head),
			Buffer.from(bytes),
			Buffer.from(`\r\n--${boundary}--\r\n`)
		])
	};
}

// Built before any connection is open: compressing the 100 MB cell blocks this process for
// seconds (longer on a loaded machine), and a pooled keep-alive socket left idle past the
// server's 5 s keep-alive timeout meanwhile is closed under a request written to it (socket hang up).
function hostileFiles(): [string, Uint8Array, number][] {
	const farRight: Record<string, string> = { XFD1: '渠道' };
	for (let r = 2; r <= 201; r++) farRight[`A${r}`] = 'paper';
	const bombSheet = sheetXml({ A1: '@' }).split('@');
	const bomb = xlsxOf(
		Buffer.concat([
			Buffer.from(bombSheet[0]),
			Buffer.alloc(100 * 1024 * 1024, 'a'),
			Buffer.from(bombSheet[1])
		])
	);
	return [
		['far-right.xlsx', xlsxOf(sheetXml(farRight)), 413],
		['far-right-declared.xlsx', xlsxOf(sheetXml(farRight, 'A1:XFD201')), 413],
		['bomb.xlsx', bomb, 413],
		['junk.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(2000, 7)]), 400],
		['nul.csv', new TextEncoder().encode('对象类别,渠道,发放数\n电力客户,意见\0箱,3\n'), 400]
	];
}

describe('spreadsheet imports against the production server', () => {
	let dataDir: string;
	let app: RunningServer | undefined;
	let cookie = '';
	const agent = keepAliveAgent(8);
	const cases = hostileFiles();

	async function rowsStored(): Promise<number> {
		// The distribution table's rows as the organiser sees them (header rows cancel out).
		const page = await request(`${app!.origin}/admin/campaigns/${SLUG}/distribution`, {
			headers: { cookie, accept: 'text/html' },
			agent
		});
		return (page.text.match(/<tr/g) ?? []).length;
	}

	function upload(name: string, bytes: Uint8Array): Promise<HttpResponse> {
		const { headers, body } = multipart(app!.origin, cookie, name, bytes);
		return request(`${app!.origin}/admin/campaigns/${SLUG}/distribution?/import`, {
			method: 'POST',
			headers,
			body,
			agent,
			timeoutMs: 60_000
		});
	}

	beforeAll(async () => {
		ensureBuild();
		dataDir = mkdtempSync(path.join(tmpdir(), 'xinkan-imports-'));
		const handle = openDatabase({ dataDir });
		await prepareDatabase(handle, { XINKAN_ADMIN_PASSWORD: PASSWORD }, () => {});
		await handle.close();
		app = await startServer({ XINKAN_DATA_DIR: dataDir, XINKAN_ADMIN_PASSWORD: PASSWORD });
		cookie = await logInOver(app.origin, 'admin', PASSWORD, agent);
		expect(cookie).toMatch(/^xinkan_session=/);
	}, 90_000);

	afterAll(async () => {
		agent.destroy();
		await app?.stop();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	});

	it('imports a good XLSX through the built worker', async () => {
		const before = await rowsStored();
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('发放');
		sheet.addRow(['对象类别', '区域', '渠道', '发放数', '备注']);
		sheet.addRow(['电力客户', '张坊', '意见箱', 7, '导入测试']);
		sheet.addRow(['职工群众', '', '纸质问卷', 5, '导入测试']);
		const good = await upload('good.xlsx', new Uint8Array(await workbook.xlsx.writeBuffer()));
		expect(good.status).toBeLessThan(400);
		expect(await rowsStored()).toBe(before + 2);
	}, 60_000);

	it('refuses hostile files with 413/400 and a message, stores nothing, and keeps serving', async () => {
		const before = await rowsStored();
		for (const [name, bytes, status] of cases) {
			// The public form is asked at the same moment and must answer as usual.
			const [answer, form] = await Promise.all([
				upload(name, bytes),
				request(`${app!.origin}/f/${SLUG}`, { agent, timeoutMs: 30_000 })
			]);
			expect(`${name}: ${answer.status}`).toBe(`${name}: ${status}`);
			expect(answer.text).toMatch(/class="error|role="alert"|importProblems|导入|文件/);
			expect(form.status).toBe(200);
		}
		expect(await rowsStored()).toBe(before);
	}, 120_000);
});
