import { CHANNELS, type Channel } from '../../domain';
import { distributionRow, type DistributionRowInput } from '../../schemas/distribution';
import { listAreas, listGroups, listUnits } from '../org/organisation';
import type { Database } from '../db';
import { readTable, type TableLimits } from '../platform/tabular-files';

/**
 * The most one distribution file may hold. A county's plan is tens to a few hundred rows (group ×
 * unit or area × channel); 5,000 leaves room for a big one and keeps a refused file's problem list
 * readable. The numbers are in the refusal messages (errors.import_too_many_rows / _columns).
 */
export const DISTRIBUTION_IMPORT_LIMITS: TableLimits = { rows: 5_000, columns: 50 };

/** Header names accepted for each column, Chinese and English, compared without case or spaces. */
const COLUMNS: Record<keyof DistributionRowInput, string[]> = {
	groupId: ['对象类别', '对象', '类别', 'group', 'respondentgroup'],
	unitId: ['单位', 'unit'],
	areaId: ['区域', '乡镇', '乡镇街道', 'area', 'township'],
	channel: ['渠道', '发放渠道', 'channel'],
	issued: ['发放数', '发放数量', '数量', 'issued', 'count'],
	issuedOn: ['日期', '发放日期', 'date', 'issuedon'],
	note: ['备注', 'note', 'notes']
};

export const CHANNEL_NAMES: Record<Channel, string[]> = {
	paper: ['纸质问卷', '纸质', '问卷', 'paper'],
	letter: ['意见信函', '信函', 'letter'],
	suggestion_box: ['意见箱', 'suggestionbox', 'box'],
	forum: ['座谈会', '会议', 'forum', 'meeting'],
	visit: ['走访', '上门走访', 'visit'],
	online: ['网上链接', '链接', '网络', 'online', 'link'],
	qr_poster: ['二维码海报', '二维码', 'qrposter', 'qr']
};

/** 2014/3/25, 2014.3.25 and 2014-03-25 all mean the same day. */
function normaliseDate(value: string): string {
	const m = value.match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/);
	return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : value;
}

const squash = (s: string) =>
	s
		.trim()
		.toLowerCase()
		.replace(/[\s_-]/g, '');

export interface ImportProblem {
	line: number;
	message: string;
}

/** The organisation's names a file may use, each with its id. */
export interface ImportNames {
	groups: { id: number; key: string; nameZh: string; nameEn: string }[];
	units: { id: number; name: string }[];
	areas: { id: number; name: string }[];
}

/**
 * Turns an uploaded CSV/XLSX into validated distribution rows. Names are matched against the
 * organisation's groups, units and areas; every problem is reported with its line number, and a
 * file with any problem yields no rows at all. A file over DISTRIBUTION_IMPORT_LIMITS, or one that
 * cannot be read, throws (TooLarge 413, Invalid 400 — see readTable).
 */
export async function parseDistributionFile(
	db: Database,
	bytes: Uint8Array
): Promise<{ rows: DistributionRowInput[]; problems: ImportProblem[] }> {
	const table = await readTable(bytes, DISTRIBUTION_IMPORT_LIMITS);
	const [groups, units, areas] = await Promise.all([listGroups(db), listUnits(db), listAreas(db)]);
	return parseDistributionTable(table, { groups, units, areas });
}

/**
 * The rows of a table read from a file (its first row the header). Every problem of every row is
 * reported — one per column — so the clerk mends the file once, not once per problem.
 */
export function parseDistributionTable(
	cellsOfFile: string[][],
	names: ImportNames
): { rows: DistributionRowInput[]; problems: ImportProblem[] } {
	const table = cellsOfFile.filter((r) => r.some((c) => c.trim() !== ''));
	if (table.length < 2) return { rows: [], problems: [{ line: 1, message: 'import_empty' }] };
	const header = table[0].map(squash);
	const index = Object.fromEntries(
		Object.entries(COLUMNS).map(([key, columnNames]) => [
			key,
			header.findIndex((h) => columnNames.map(squash).includes(h))
		])
	) as Record<keyof DistributionRowInput, number>;
	if (index.channel < 0 || index.issued < 0) {
		return { rows: [], problems: [{ line: 1, message: 'import_header' }] };
	}
	const lookup = <T extends { id: number }>(items: T[], namesOf: (t: T) => string[]) => {
		const map = new Map<string, number>();
		for (const item of items) for (const n of namesOf(item)) map.set(squash(n), item.id);
		return map;
	};
	const groupIds = lookup(names.groups, (g) => [g.key, g.nameZh, g.nameEn]);
	const unitIds = lookup(names.units, (u) => [u.name]);
	const areaIds = lookup(names.areas, (a) => [a.name]);
	const channelKeys = new Map(
		CHANNELS.flatMap((c) => CHANNEL_NAMES[c].map((n) => [squash(n), c] as const))
	);

	const rows: DistributionRowInput[] = [];
	const problems: ImportProblem[] = [];
	table.slice(1).forEach((cells, i) => {
		const line = i + 2;
		const cell = (key: keyof DistributionRowInput) =>
			index[key] >= 0 ? (cells[index[key]] ?? '').trim() : '';
		const resolve = (key: 'groupId' | 'unitId' | 'areaId', map: Map<string, number>) => {
			const value = cell(key);
			if (!value) return '';
			const id = map.get(squash(value));
			if (id == null) problems.push({ line, message: `import_unknown_${key}:${value}` });
			return id ?? '';
		};
		const candidate = {
			groupId: resolve('groupId', groupIds),
			unitId: resolve('unitId', unitIds),
			areaId: resolve('areaId', areaIds),
			channel: channelKeys.get(squash(cell('channel'))) ?? cell('channel'),
			issued: cell('issued'),
			issuedOn: normaliseDate(cell('issuedOn')),
			note: cell('note')
		};
		const parsed = distributionRow.safeParse(candidate);
		if (parsed.success) {
			rows.push(parsed.data);
			return;
		}
		const reported = new Set<string>();
		for (const issue of parsed.error.issues) {
			const field = String(issue.path[0]);
			if (reported.has(field)) continue;
			reported.add(field);
			problems.push({ line, message: `${field}:${issue.message}` });
		}
	});
	return problems.length ? { rows: [], problems } : { rows, problems };
}
