import ExcelJS from 'exceljs';
import type { Messages } from '../../i18n';
import {
	matrixLevel,
	matrixStatements,
	otherKey,
	type Answer,
	type Answers,
	type Question
} from '../../questionnaire/types';
import { allResponses, type ResponseRecord } from './records';
import type { Database } from '../db';
import {
	XLSX_TIME_FORMAT,
	chinaTimeText,
	workbookBytes,
	xlsxChinaTime
} from '../platform/spreadsheet-cells';
import { neutraliseFormula } from '../platform/tabular-files';

/** A cell of an export: text, a number (version, rating), or an instant (the submission time). */
export type ExportCell = string | number | Date;
export interface ExportTable {
	header: string[];
	rows: ExportCell[][];
}

/**
 * An answer in words, read against the response's own version; an "other, please specify" option
 * with what was written beside it ("其他（请注明）：…"), as the respondent's own free text.
 */
export function answerText(q: Question, answer: Answer | undefined, other?: Answer): string {
	if (answer === undefined || answer === null) return '';
	const label = (id: string) => {
		const option = q.options.find((o) => o.id === id);
		if (option?.other && typeof other === 'string') return `${option.label}：${other}`;
		return option?.label ?? id;
	};
	// A ranking is an order: each option with its place.
	if (Array.isArray(answer) && q.type === 'ranking') {
		return answer.map((id, i) => `${i + 1}. ${label(id)}`).join('；');
	}
	if (Array.isArray(answer)) return answer.map(label).join('；');
	if (typeof answer === 'number') return String(answer);
	if (typeof answer === 'string') return q.options.length ? label(answer) : answer;
	if (q.type === 'matrix') {
		return matrixStatements(q)
			.filter((s) => matrixLevel(answer, s.id) !== undefined)
			.map((s) => `${s.label}：${matrixLevel(answer, s.id)}`)
			.join('；');
	}
	return '';
}

/**
 * One column per question across all versions (latest wording first, then questions that later
 * versions dropped), so every response is exported against its own version's questions.
 */
function questionColumns(
	records: ResponseRecord[]
): { id: string; title: string; statement?: string }[] {
	const byVersion = [...records].sort((a, b) => b.version - a.version);
	const columns = new Map<string, { id: string; title: string; statement?: string }>();
	for (const r of byVersion) {
		for (const q of r.questions) {
			if (q.type === 'matrix') {
				// A matrix: a number column per statement ("题目 — 陈述"), lined up by statement id.
				for (const s of matrixStatements(q)) {
					const key = `${q.id}.${s.id}`;
					if (!columns.has(key)) {
						columns.set(key, { id: q.id, title: `${q.title} — ${s.label}`, statement: s.id });
					}
				}
			} else if (q.type !== 'contact' && q.type !== 'section' && !columns.has(q.id)) {
				// Sections have no answers: no column.
				columns.set(q.id, { id: q.id, title: q.title });
			}
		}
	}
	return [...columns.values()];
}

/**
 * A rating, recommendation or number stays a number, so a spreadsheet can sum and average it; the
 * rest in words (a date as YYYY-MM-DD text, which every spreadsheet reads as a date).
 */
function answerCell(q: Question, answers: Answers): ExportCell {
	const answer = answers[q.id];
	return typeof answer === 'number' ? answer : answerText(q, answer, answers[otherKey(q)]);
}

export async function exportTable(
	db: Database,
	campaignId: number,
	m: Messages,
	withContact: boolean
): Promise<ExportTable> {
	const records = await allResponses(db, campaignId, withContact);
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
		...(withContact
			? [m.responses.contactName, m.responses.contactPhone, m.responses.contactEmail]
			: []),
		...columns.map((c) => c.title)
	];
	const rows = records.map((r) => {
		const questions = new Map(r.questions.map((q) => [q.id, q]));
		return [
			r.receiptCode,
			r.submittedAt,
			r.version,
			m.channels[r.channel],
			r.group ?? '',
			r.area ?? '',
			r.unit ?? '',
			r.formCode ?? '',
			r.enteredBy ?? '',
			...(withContact ? [r.contactName ?? '', r.contactPhone ?? '', r.contactEmail ?? ''] : []),
			...columns.map((c) => {
				const q = questions.get(c.id);
				if (c.statement !== undefined) return matrixLevel(r.answers[c.id], c.statement) ?? '';
				return q ? answerCell(q, r.answers) : '';
			})
		];
	});
	return { header, rows };
}

/**
 * RFC 4180 quoting (quotes doubled) for every field holding a quote, a line break or anything a
 * reader may take as the separator: the comma this file uses, and the semicolon and tab that Excel
 * uses in locales whose list separator is not a comma, or that a reader guesses from the content.
 * Left unquoted, `x;=1+1` opened with `;` becomes two cells, the second a formula.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * CSV has no types: times in China time with their offset, as the response pages show them;
 * numbers the app writes (version, rating) as they are; text escaped against formulas and quoted.
 */
const csvCell = (value: ExportCell) => {
	if (typeof value === 'number') return String(value);
	const text = value instanceof Date ? chinaTimeText(value) : neutraliseFormula(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** UTF-8 with a BOM, so Excel on Chinese Windows opens it with the characters right. */
export function toCsv(table: ExportTable): string {
	return (
		'\uFEFF' +
		[table.header, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\r\n') +
		'\r\n'
	);
}

/**
 * Typed cells: text as string cells (a spreadsheet never runs a string cell as a formula, so no
 * apostrophe shows), numbers as numbers, the submission time as a date cell in China time.
 */
export async function toXlsx(table: ExportTable, sheetName: string): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet(sheetName.slice(0, 31) || 'responses');
	sheet.columns = table.header.map((title, i) => ({
		width: i === 1 ? 20 : Math.min(40, Math.max(10, title.length * 2 + 2))
	}));
	sheet.addRow(table.header).font = { bold: true };
	for (const cells of table.rows) {
		const row = sheet.addRow(cells.map((v) => (v instanceof Date ? xlsxChinaTime(v) : v)));
		cells.forEach((v, i) => {
			if (v instanceof Date) row.getCell(i + 1).numFmt = XLSX_TIME_FORMAT;
		});
	}
	sheet.views = [{ state: 'frozen', ySplit: 1 }];
	return workbookBytes(workbook);
}
