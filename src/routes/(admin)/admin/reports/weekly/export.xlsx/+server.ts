import ExcelJS from 'exceljs';
import { localDate } from '$lib/campaign-availability';
import { messages } from '$lib/i18n';
import { REPORT_READERS } from '$lib/roles';
import { requireRole } from '$lib/server/auth/guard';
import { neutraliseFormula } from '$lib/server/platform/tabular-files';
import { WEEK_METRICS, weeklyReport } from '$lib/server/suggestions/weekly';
import { error } from '@sveltejs/kit';
import { chooseCampaign } from '../../campaign-choice';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	requireRole(event, ...REPORT_READERS);
	const { campaign } = await chooseCampaign(event.locals.db, event.url);
	if (!campaign) error(404, 'no campaign');
	const asked = event.url.searchParams.get('week') ?? '';
	const date = /^\d{4}-\d{2}-\d{2}$/.test(asked) ? asked : localDate(new Date());
	// The export lists every overdue and closed item; the page shows the first ones.
	const r = await weeklyReport(event.locals.db, campaign.id, date, { listLimit: null });
	const m = messages(event.locals.locale);
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(m.reports.weekly);
	sheet.addRow([`${campaign.title} · ${m.reports.period(r.monday, r.sunday)}`]).font = {
		bold: true
	};
	const header = ['', ...WEEK_METRICS.map((k) => m.reports.metrics[k])];
	const table = (title: string, rows: { label: string | null }[]) => {
		sheet.addRow([]);
		sheet.addRow([title]).font = { bold: true };
		sheet.addRow(header).font = { bold: true };
		for (const row of rows) {
			const counts = row as unknown as Record<string, number>;
			sheet.addRow([
				neutraliseFormula(row.label ?? m.stats.notGiven),
				...WEEK_METRICS.map((k) => Number(counts[k]))
			]);
		}
	};
	table(m.reports.totals, [{ label: m.reports.totals, ...r.totals }]);
	table(m.reports.byDepartment, r.byDepartment);
	table(m.reports.byCategory, r.byCategory);
	sheet.addRow([]);
	sheet.addRow([m.reports.overdueList]).font = { bold: true };
	for (const i of r.overdueItems) {
		sheet.addRow([neutraliseFormula(i.title), i.department ?? '', i.deadline, i.days]);
	}
	sheet.addRow([]);
	sheet.addRow([m.reports.closedList]).font = { bold: true };
	for (const i of r.closedItems) {
		sheet.addRow([
			neutraliseFormula(i.title),
			i.department ?? '',
			m.statuses[i.status as 'resolved']
		]);
	}
	const body = new Uint8Array(await workbook.xlsx.writeBuffer());
	return new Response(body, {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="weekly-${r.monday}.xlsx"`,
			'cache-control': 'no-store'
		}
	});
};
