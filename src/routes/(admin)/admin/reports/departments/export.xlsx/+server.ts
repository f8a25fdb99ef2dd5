import { messages } from '$lib/i18n';
import { departmentWorkbook } from '$lib/server/suggestions/department-workbook';
import { xlsxDownload } from '$lib/server/platform/spreadsheet-cells';
import type { RequestHandler } from './$types';
import { departmentScope } from '../scope';

export const GET: RequestHandler = async (event) => {
	const { campaign, rows, today } = await departmentScope(event);
	const m = messages(event.locals.locale);
	const title = campaign?.title ?? m.leaderFigures.allCampaigns;
	const body = await departmentWorkbook(rows, title, event.locals.locale);
	return xlsxDownload(body, `departments-${campaign?.id ?? 'all'}-${today}.xlsx`);
};
