import { sql, type SQL } from 'drizzle-orm';
import { CHANNELS, type Channel } from '../../domain';
import { messages } from '../../i18n';
import { queryRows, type Database } from '../db';

export interface Breakdown {
	/** Group key, unit/area id as text, channel key; null for returns that name none. */
	key: string | null;
	label: string;
	/** The English name where the organisation keeps one (respondent groups), else null. */
	labelEn: string | null;
	issued: number;
	returned: number;
	/** null when nothing was issued in this row: a rate of "returned ÷ 0" does not exist. */
	returnRate: number | null;
}

export interface CampaignStats {
	issued: number;
	returned: number;
	returnRate: number | null;
	byGroup: Breakdown[];
	byUnit: Breakdown[];
	byArea: Breakdown[];
	byChannel: Breakdown[];
	byDay: { date: string; returned: number }[];
}

const rate = (returned: number, issued: number) => (issued > 0 ? returned / issued : null);

type Row = {
	key: string | null;
	label: string | null;
	label_en?: string | null;
	issued: number;
	returned: number;
};

/**
 * Returned responses per key of one dimension, from the roll-up the triggers of drizzle/0008 keep
 * (`response_tallies`, summed over its slots) instead of counting a million responses; keys whose
 * responses were all moved or deleted (a sum of 0) are not there, as in a count over the rows.
 */
function returnedBy(campaignId: number, dim: 'group' | 'unit' | 'area' | 'channel' | 'day') {
	return sql`select key, sum(n)::int as returned from response_tallies
		where campaign_id = ${campaignId} and dim = ${dim} group by key having sum(n) <> 0`;
}

/**
 * Issued (from the distribution plan) and returned (stored responses) side by side for one
 * column; the union keeps keys that have only one of the two (online returns, rows not named),
 * and rows without a group/unit/area fall together under null.
 */
function sideBySide(campaignId: number, column: 'group_id' | 'unit_id' | 'area_id' | 'channel') {
	const k = sql.raw(column);
	const dim = column === 'channel' ? 'channel' : (column.slice(0, -3) as 'group' | 'unit' | 'area');
	const key = column === 'channel' ? sql`key` : sql`key::int`;
	return sql`select k, sum(issued)::int as issued, sum(returned)::int as returned from (
		select ${k} as k, issued, 0 as returned from distributions where campaign_id = ${campaignId}
		union all
		select ${key}, 0, returned from (${returnedBy(campaignId, dim)}) t
	) u group by k`;
}

async function breakdown(
	db: Database,
	campaignId: number,
	dimension: 'group' | 'unit' | 'area'
): Promise<Row[]> {
	const named: Record<typeof dimension, [SQL, SQL, SQL]> = {
		group: [
			sql`(select key from respondent_groups where id = j.k)`,
			sql`(select name_zh from respondent_groups where id = j.k)`,
			sql`(select name_en from respondent_groups where id = j.k)`
		],
		unit: [sql`j.k::text`, sql`(select name from units where id = j.k)`, sql`null`],
		area: [sql`j.k::text`, sql`(select name from areas where id = j.k)`, sql`null`]
	};
	const [key, label, labelEn] = named[dimension];
	return queryRows<Row>(
		db,
		sql`select ${key} as key, ${label} as label, ${labelEn}::text as label_en, j.issued, j.returned
		from (${sideBySide(campaignId, `${dimension}_id`)}) j
		order by (j.k is null), j.issued desc, j.returned desc, 2`
	);
}

async function byChannel(db: Database, campaignId: number): Promise<Row[]> {
	return queryRows<Row>(
		db,
		sql`select j.k as key, j.k as label, j.issued, j.returned from (${sideBySide(campaignId, 'channel')}) j`
	);
}

/**
 * Every figure of the return-rate dashboard and the stats API: issued from the distribution plan,
 * returned from the roll-up of the responses (each figure equals a count over the rows;
 * db/rollups.spec.ts recounts). Days are the organisation's calendar days (Asia/Shanghai),
 * the zone the roll-up is kept in.
 */
export async function campaignStats(db: Database, campaignId: number): Promise<CampaignStats> {
	const [totals, groups, unitRows, areaRows, channels, days] = await Promise.all([
		queryRows<{ issued: number; returned: number }>(
			db,
			sql`select (select coalesce(sum(issued), 0)::int from distributions where campaign_id = ${campaignId}) as issued,
			(select coalesce(sum(n), 0)::int from response_tallies where campaign_id = ${campaignId} and dim = 'channel') as returned`
		),
		breakdown(db, campaignId, 'group'),
		breakdown(db, campaignId, 'unit'),
		breakdown(db, campaignId, 'area'),
		byChannel(db, campaignId),
		queryRows<{ date: string; returned: number }>(
			db,
			sql`select key as date, returned from (${returnedBy(campaignId, 'day')}) t order by 1`
		)
	]);
	const zh = messages('zh-CN');
	const finish = (rows: Row[]): Breakdown[] =>
		rows.map((r) => ({
			key: r.key,
			label: r.key == null ? zh.stats.notGiven : (r.label ?? r.key),
			labelEn: r.key == null ? null : (r.label_en ?? null),
			issued: Number(r.issued),
			returned: Number(r.returned),
			returnRate: rate(Number(r.returned), Number(r.issued))
		}));
	const channelOrder = (k: string | null) =>
		CHANNELS.indexOf((k ?? '') as (typeof CHANNELS)[number]);
	const issued = Number(totals[0].issued);
	const returned = Number(totals[0].returned);
	return {
		issued,
		returned,
		returnRate: rate(returned, issued),
		byGroup: finish(groups),
		byUnit: finish(unitRows),
		byArea: finish(areaRows),
		byChannel: finish(channels)
			.map((c) => ({ ...c, label: zh.channels[c.key as Channel] ?? c.label }))
			.sort((a, b) => channelOrder(a.key) - channelOrder(b.key)),
		byDay: days.map((d) => ({ date: d.date, returned: Number(d.returned) }))
	};
}
