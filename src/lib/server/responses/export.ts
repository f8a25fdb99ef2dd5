import ExcelJS from 'exceljs';
import type { Messages } from '../../i18n';
import type { Answer, Question } from '../../questionnaire/types';
import { allResponses, type ResponseRecord } from './records';
import type { Database } from '../db';
import { neutraliseFormula } from '../platform/tabular-files';

/** An answer in words, read against the response's own version. */
export function answerText(q: Question, answer: Answer | undefined): string {
	if (answer === undefined || answer === null) return '';
	const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? id;
	if (Array.isArray(answer)) return answer.map(label).join('；');
	if (typeof answer === 'number') return String(answer);
	if (typeof answer === 'string') return q.options.length ? label(answer) : answer;
	return '';
}

/**
 * One column per question across all versions (latest wording first, then questions that later
 * versions dropped), so every response is exported against its own version's questions.
 */
function questionColumns(records: ResponseRecord[]): { id: string; title: string }[] {
	const byVersion = [...records].sort((a, b) => b.version - a.version);
	const columns = new Map<string, string>();
	for (const r of byVersion) {
		for (const q of r.questions) {
			if (q.type !== 'contact' && !columns.has(q.id)) columns.set(q.id, q.title);
		}
	}
	return [...columns].map(([id, title]) => ({ id, title }));
}

export async function exportTable(
	db: Database,
	campaignId: number,
	m: Messages,
	withContact: boolean
) {
	const records = await allResponses(db, campaignId);
	const columns = questionColumns(records);
	const header = [
		m.responses.receipt,
		m.responses.submittedAt,
		m.responses.version,
		m.responses.channel,
		m.responses.group,
		m.responses.area,
		m.responses.unit,
		m.responses.formCode,
		m.responses.enteredBy,
		...(withContact ? [m.responses.contactName, m.responses.contactPhone] : []),
		...columns.map((c) => c.title)
	];
	const rows = records.map((r) => {
		const questions = new Map(r.questions.map((q) => [q.id, q]));
		return [
			r.receiptCode,
			r.submittedAt.toISOString(),
			String(r.version),
			m.channels[r.channel],
			r.group ?? '',
			r.area ?? '',
			r.unit ?? '',
			r.formCode ?? '',
			r.enteredBy ?? '',
			...(withContact ? [r.contactName ?? '', r.contactPhone ?? ''] : []),
			...columns.map((c) => {
				const q = questions.get(c.id);
				return q ? answerText(q, r.answers[c.id]) : '';
			})
		];
	});
	return { header, rows };
}

const csvCell = (value: string) => {
	const safe = neutraliseFormula(value);
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** UTF-8 with a BOM, so Excel on Chinese Windows opens it with the characters right. */
export function toCsv(table: { header: string[]; rows: string[][] }): string {
	return (
		'\uFEFF' +
		[table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') +
		'\r\n'
	);
}

export async function toXlsx(
	table: { header: string[]; rows: string[][] },
	sheetName: string
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'responses');
	sheet.addRow(table.header).font = { bold: true };
	for (const row of table.rows) sheet.addRow(row.map(neutraliseFormula));
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
