import { and, eq, inArray } from 'drizzle-orm';
import type { Answers, Question } from '../../questionnaire/types';
import { asOneLine } from '../../schemas/fields';
import type { Database } from '../db';
import { suggestionEvents, suggestionItems, suggestions } from '../db/schema';

/**
 * A first title for a new suggestion: the answer itself, cut at a sentence end or 40 characters,
 * as one line (what a title may not hold — control and text-direction characters — made spaces).
 */
export function titleFrom(text: string): string {
	const first = asOneLine(text.split(/[。！？!?\n]/)[0]) || asOneLine(text);
	return first.length > 40 ? `${first.slice(0, 39)}…` : first;
}

/** The non-empty answers to suggestion questions, in question order: each becomes a raw item. */
export function suggestionAnswers(questions: Question[], answers: Answers) {
	return questions
		.filter(
			(q) =>
				q.type === 'suggestion' &&
				typeof answers[q.id] === 'string' &&
				(answers[q.id] as string).trim()
		)
		.map((q) => ({ questionId: q.id, text: (answers[q.id] as string).trim() }));
}

/**
 * Every non-empty answer to a suggestion question becomes a raw item with a suggestion of its
 * own (status new). Runs inside the transaction that stores the response.
 */
export async function createItemsForResponse(
	tx: Database,
	response: { id: number; campaignId: number; submittedAt?: Date },
	questions: Question[],
	answers: Answers
): Promise<number> {
	const texts = suggestionAnswers(questions, answers);
	if (!texts.length) return 0;
	const created = response.submittedAt
		? { createdAt: response.submittedAt, updatedAt: response.submittedAt }
		: {};
	const rows = await tx
		.insert(suggestions)
		.values(
			texts.map((t) => ({ campaignId: response.campaignId, title: titleFrom(t.text), ...created }))
		)
		.returning({ id: suggestions.id });
	await tx.insert(suggestionItems).values(
		texts.map((t, i) => ({
			campaignId: response.campaignId,
			responseId: response.id,
			questionId: t.questionId,
			text: t.text,
			sourceText: t.text,
			suggestionId: rows[i].id,
			originId: rows[i].id,
			...(response.submittedAt ? { createdAt: response.submittedAt } : {})
		}))
	);
	return rows.length;
}

/**
 * After a clerk corrects a response: unsplit items follow the corrected text, and a newly
 * answered suggestion question gets its item. Items whose answer was removed stay for the
 * reviewers to decide (they may already be merged and answered). Says whether any item changed,
 * so the caller announces it once its transaction has committed.
 */
export async function syncItemsAfterCorrection(
	tx: Database,
	response: { id: number; campaignId: number },
	questions: Question[],
	answers: Answers
): Promise<boolean> {
	let changed = false;
	const existing = await tx
		.select()
		.from(suggestionItems)
		.where(eq(suggestionItems.responseId, response.id));
	const missing: Answers = {};
	for (const q of questions.filter((x) => x.type === 'suggestion')) {
		const text = typeof answers[q.id] === 'string' ? (answers[q.id] as string).trim() : '';
		if (!text) continue;
		const items = existing.filter((i) => i.questionId === q.id);
		if (!items.length) missing[q.id] = text;
		else if (
			items.length === 1 &&
			items[0].text === items[0].sourceText &&
			items[0].text !== text
		) {
			await tx
				.update(suggestionItems)
				.set({ text, sourceText: text })
				.where(eq(suggestionItems.id, items[0].id));
			changed = true;
		}
	}
	if (Object.keys(missing).length) {
		await createItemsForResponse(tx, response, questions, missing);
		changed = true;
	}
	return changed;
}

/**
 * Splits one answer that raises several points: the item keeps the first part, each further part
 * becomes an item (and a suggestion) of its own, all still linked to the source answer. Runs in
 * the caller's transaction, which announces the change once it commits.
 */
export async function splitItem(
	tx: Database,
	actorId: number,
	itemId: number,
	parts: string[]
): Promise<number[]> {
	const [item] = await tx.select().from(suggestionItems).where(eq(suggestionItems.id, itemId));
	const clean = parts.map((p) => p.trim()).filter(Boolean);
	if (!item || clean.length < 2) return [];
	await tx.update(suggestionItems).set({ text: clean[0] }).where(eq(suggestionItems.id, item.id));
	const rows = await tx
		.insert(suggestions)
		.values(clean.slice(1).map((text) => ({ campaignId: item.campaignId, title: titleFrom(text) })))
		.returning({ id: suggestions.id });
	await tx.insert(suggestionItems).values(
		clean.slice(1).map((text, i) => ({
			campaignId: item.campaignId,
			responseId: item.responseId,
			questionId: item.questionId,
			text,
			sourceText: item.sourceText,
			suggestionId: rows[i].id,
			originId: rows[i].id
		}))
	);
	const ids = rows.map((r) => r.id);
	await tx.insert(suggestionEvents).values([
		{
			suggestionId: item.suggestionId,
			userId: actorId,
			kind: 'split',
			data: { itemId, into: ids }
		},
		...ids.map((id) => ({
			suggestionId: id,
			userId: actorId,
			kind: 'split_from',
			data: { itemId }
		}))
	]);
	return ids;
}

export async function itemsOf(db: Database, suggestionIds: number[]) {
	if (!suggestionIds.length) return [];
	return db
		.select()
		.from(suggestionItems)
		.where(and(inArray(suggestionItems.suggestionId, suggestionIds)));
}
