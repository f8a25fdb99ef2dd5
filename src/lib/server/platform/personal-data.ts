/*
 * Personal data in free text: the one detector and masker for everything that goes out publicly
 * (the board, /r/<code>) and for the publishing check. Respondents write their name, phone number
 * or address into the suggestion itself ("我叫周八，电话13512345678…"), and an uncategorised item's
 * title is that raw text. Pure: no database, no locale.
 */

export type PersonalDataKind =
	'mobile' | 'landline' | 'id_card' | 'email' | 'name' | 'house_number';

export interface PersonalDataSpan {
	kind: PersonalDataKind;
	/** Offsets into the text, `end` exclusive. */
	start: number;
	end: number;
	text: string;
	masked: string;
}

const CJK = '\\u4e00-\\u9fff';
const digits = (s: string) => s.replace(/\D/g, '');
const stars = (n: number) => '*'.repeat(Math.max(1, n));

/** Words that follow "我是" without being a name ("我是村民", "我是一名教师"). */
const NOT_A_NAME = /^(一|这|那|本|个|村|居|用|农|老|党|户|业|住|负|附|当|你|他|她|在|做|从)/;

/** Where a name ends when nothing but CJK follows it: "我叫周八电话…", "我叫周八家住…". */
const AFTER_NAME =
	'(?=$|[^' + CJK + ']|电话|手机|号码|联系|家住|住在|今年|现住|反映|想|要|在|的|是)';

interface Rule {
	kind: PersonalDataKind;
	pattern: RegExp;
	/** The capture group that is the personal part (0: the whole match). */
	group?: number;
	mask: (text: string) => string;
	accept?: (text: string, match: RegExpExecArray) => boolean;
}

const RULES: Rule[] = [
	{
		kind: 'id_card',
		pattern: /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g,
		mask: (t) => t.slice(0, 3) + stars(11) + t.slice(-4)
	},
	{
		// 135 1234 5678, 135-1234-5678, +86 13512345678
		kind: 'mobile',
		pattern: /(?<![\d+])(?:\+?86[ -]?)?1[3-9](?:[ -]?\d){9}(?!\d)/g,
		mask: (t) => {
			const d = digits(t).slice(-11);
			return d.slice(0, 3) + '****' + d.slice(-4);
		}
	},
	{
		kind: 'landline',
		pattern: /(?<!\d)0\d{2,3}[ -]?\d{7,8}(?!\d)/g,
		mask: (t) => {
			const [, area, number] = /^(0\d{2,3})[ -]?(\d+)$/.exec(t) ?? [t, '', t];
			return `${area}-${'****'}${number.slice(-4)}`;
		}
	},
	{
		kind: 'email',
		pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
		mask: () => '***@***'
	},
	{
		// The shortest name a break follows; else up to three characters ("我叫王小明想反映…").
		kind: 'name',
		pattern: new RegExp(
			`(?:我叫|我是|姓名|联系人)[:：\\s]*([${CJK}]{1,3}?)${AFTER_NAME}|(?:我叫|姓名|联系人)[:：\\s]*([${CJK}]{1,3})`,
			'g'
		),
		mask: (t) => (t.length === 1 ? '*' : t[0] + stars(t.length - 1)),
		accept: (t, m) => !(m[0].startsWith('我是') && NOT_A_NAME.test(t))
	},
	{
		// The number only: "幸福村12号" shows as "幸福村**号", the place stays readable.
		kind: 'house_number',
		pattern: new RegExp(
			`(?<=[${CJK}](?:村|路|街|巷|弄|组|社区|小区|大道|里))(\\d{1,5}(?:-\\d{1,4})?)(?=号)`,
			'g'
		),
		mask: (t) => stars(t.length)
	}
];

/** Every piece of personal data in the text, in order, none overlapping (the earlier, longer wins). */
export function findPersonalData(text: string | null | undefined): PersonalDataSpan[] {
	if (!text) return [];
	const found: PersonalDataSpan[] = [];
	for (const rule of RULES) {
		rule.pattern.lastIndex = 0;
		for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
			// The name rule has two alternatives: whichever group matched is the name.
			const part = rule.kind === 'name' ? (m[1] ?? m[2]) : m[rule.group ?? 0];
			if (!part) continue;
			if (rule.accept && !rule.accept(part, m)) continue;
			const start = m.index + m[0].length - part.length;
			found.push({
				kind: rule.kind,
				start,
				end: start + part.length,
				text: part,
				masked: rule.mask(part)
			});
		}
	}
	found.sort((a, b) => a.start - b.start || b.end - a.end);
	const kept: PersonalDataSpan[] = [];
	for (const span of found) {
		if (!kept.length || span.start >= kept[kept.length - 1].end) kept.push(span);
	}
	return kept;
}

/** The text with every piece of personal data replaced by its mask (135****5678, 周*, ***@***). */
export function maskPersonalData(text: string): string;
export function maskPersonalData(text: string | null): string | null;
export function maskPersonalData(text: string | null): string | null {
	if (!text) return text;
	let out = '';
	let at = 0;
	for (const span of findPersonalData(text)) {
		out += text.slice(at, span.start) + span.masked;
		at = span.end;
	}
	return out + text.slice(at);
}

/** What a check reports and a page previews: the spans found and the text as it will be shown. */
export function inspectPersonalData(text: string | null | undefined): {
	spans: PersonalDataSpan[];
	masked: string;
} {
	const value = text ?? '';
	return { spans: findPersonalData(value), masked: maskPersonalData(value) };
}
