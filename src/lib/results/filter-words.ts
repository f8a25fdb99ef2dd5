// A results filter said in words ("乡镇（街道）：张坊；分组对比：对象类别"), for the printed report's cover
// and the workbook's first sheet, where the address that carries the filter is not seen.
import type { Channel } from '../domain';
import { localName, type Locale, type Messages } from '../i18n';
import type { BreakdownKey, ResultsFilter } from './types';

/** The names a filter's ids and keys stand for. */
export interface FilterNames {
	groups: { key: string; nameZh: string; nameEn: string | null }[];
	areas: { id: number; name: string }[];
	units: { id: number; name: string }[];
	/** The campaign's questions a breakdown may name. */
	questions: { id: string; title: string }[];
}

/**
 * One phrase per filter in use ("label: value, value"), then the breakdown; an empty list when
 * nothing narrows the responses and nothing splits them. An id that names nothing is shown as
 * itself (the service has refused such a filter before this is called).
 */
export function filterInWords(
	filter: ResultsFilter,
	by: BreakdownKey | null | undefined,
	names: FilterNames,
	m: Messages,
	locale: Locale
): string[] {
	const phrase = (label: string, values: string[]) =>
		`${label}${m.colon}${values.join(m.listSeparator)}`;
	const words: string[] = [];
	if (filter.group?.length) {
		words.push(
			phrase(
				m.results.group,
				filter.group.map((key) => {
					const group = names.groups.find((g) => g.key === key);
					return group ? localName(locale, group) : key;
				})
			)
		);
	}
	if (filter.area?.length) {
		words.push(
			phrase(
				m.results.area,
				filter.area.map((id) => names.areas.find((a) => a.id === id)?.name ?? String(id))
			)
		);
	}
	if (filter.unit?.length) {
		words.push(
			phrase(
				m.results.unit,
				filter.unit.map((id) => names.units.find((u) => u.id === id)?.name ?? String(id))
			)
		);
	}
	if (filter.channel?.length) {
		words.push(
			phrase(
				m.results.channel,
				filter.channel.map((c: Channel) => m.channels[c] ?? c)
			)
		);
	}
	if (filter.from || filter.to) {
		words.push(phrase(m.resultsReport.date, [m.resultsReport.days(filter.from, filter.to)]));
	}
	if (filter.version?.length) {
		words.push(
			phrase(
				m.results.version,
				filter.version.map((v) => m.results.versionN(v))
			)
		);
	}
	if (by) {
		words.push(phrase(m.results.by, [breakdownName(by, names, m)]));
	}
	return words;
}

/** What a breakdown splits by, in words: "对象类别", or the question's title. */
export function breakdownName(by: BreakdownKey, names: FilterNames, m: Messages): string {
	if (by === 'group' || by === 'area' || by === 'unit' || by === 'channel') {
		return m.results[by];
	}
	const id = by.slice('question:'.length);
	return names.questions.find((q) => q.id === id)?.title ?? id;
}
