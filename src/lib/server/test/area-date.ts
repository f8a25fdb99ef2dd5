// Conditions on the organisation's own options and on dates (issue 17): an area question whose
// answer 城关 opens a question about the street, and a date whose recent days open another. The
// organisation's areas are made here (a test database starts empty), so publication freezes them.
import { blankQuestion, type Question } from '../../questionnaire/types';
import type { Database } from '../db';
import { openAnonymousCampaign } from './open-campaign';
import { areas } from '../db/schema';

const question = (id: string, type: Question['type'], extra: Partial<Question>): Question => ({
	...blankQuestion(id, type),
	...extra
});

/** The organisation's areas, made once per database; their option ids (`a<id>`) by name. */
export async function ensureAreas(db: Database): Promise<Record<'城关' | '大围山', string>> {
	await db
		.insert(areas)
		.values([
			{ name: '城关', sortOrder: 1 },
			{ name: '大围山', sortOrder: 2 }
		])
		.onConflictDoNothing();
	const rows = await db.select().from(areas);
	const id = (name: string) => `a${rows.find((a) => a.name === name)!.id}`;
	return { 城关: id('城关'), 大围山: id('大围山') };
}

export function areaDateQuestions(town: string): Question[] {
	return [
		question('area', 'area', { title: '您所在的片区', required: true }),
		question('outage', 'date', { title: '最近一次停电是哪天？' }),
		question('street', 'short_text', {
			title: '城关片区：您住在哪条街？',
			required: true,
			when: { combine: 'all', rules: [{ question: 'area', op: 'eq', value: town }] }
		}),
		question('notice', 'long_text', {
			title: '这次停电事先通知了吗？',
			required: true,
			when: { combine: 'all', rules: [{ question: 'outage', op: 'gte', value: '2026-11-01' }] }
		}),
		question('idea', 'suggestion', { title: '您还有什么建议？' })
	];
}

/** Opens the anonymous campaign `slug` with `questions` published on `db`. */
export async function openCampaignWith(
	db: Database,
	slug: string,
	questions: Question[]
): Promise<void> {
	await openAnonymousCampaign(db, slug, '片区与日期条件', questions);
}

/**
 * Sections (issue 17): the second part only for 城关 (its questions hidden otherwise), one of its
 * questions also only for an outage on or after 1 November; the third part for everyone.
 * Without JavaScript: two pages (the section tests the area answered on the first).
 */
export function sectionQuestions(town: string): Question[] {
	return [
		question('area', 'area', { title: '您所在的片区', required: true }),
		question('outage', 'date', { title: '最近一次停电是哪天？' }),
		question('s-town', 'section', {
			title: '城关片区',
			help: '以下两题只请城关片区的居民回答。',
			when: { combine: 'all', rules: [{ question: 'area', op: 'eq', value: town }] }
		}),
		question('street', 'short_text', { title: '您住在哪条街？', required: true }),
		question('notice', 'single', {
			title: '这次停电事先通知了吗？',
			required: true,
			options: [
				{ id: 'yes', label: '通知了' },
				{ id: 'no', label: '没有通知' }
			],
			when: { combine: 'all', rules: [{ question: 'outage', op: 'gte', value: '2026-11-01' }] }
		}),
		question('s-ideas', 'section', { title: '意见建议', help: '' }),
		question('idea', 'suggestion', { title: '您还有什么建议？' })
	];
}
