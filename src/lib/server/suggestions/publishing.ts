import type { Suggestion } from '../db/schema';
import { Invalid } from '../platform/errors';
import {
	findPersonalData,
	maskPersonalData,
	type PersonalDataKind
} from '../platform/personal-data';

/*
 * What of a suggestion may go out publicly. Two layers, both here:
 * - Publishing is refused for an uncategorised item (its title is the respondent's raw text) and
 *   while the title, reply or plan still holds personal data: the reviewer rewrites it first, so
 *   what the board shows reads as written, not as a row of stars.
 * - Whatever is shown publicly (the board, /r/<code>) is masked anyway, at the service: /r shows
 *   titles of unpublished items too, a reply can be written after publishing, and rows published
 *   before this check existed are still on the board.
 */

/** The texts of a suggestion that public pages show. */
export const PUBLIC_FIELDS = ['title', 'reply', 'plan'] as const;
export type PublicField = (typeof PUBLIC_FIELDS)[number];

export interface PersonalDataFound {
	field: PublicField;
	kind: PersonalDataKind;
	text: string;
	masked: string;
}

/** Publishing refused because the public texts still hold personal data; `spans` says where. */
export class PersonalDataInPublicText extends Invalid {
	constructor(readonly spans: PersonalDataFound[]) {
		super('personal_data_public');
	}
}

/** The personal data the public texts of a suggestion still hold, field by field. */
export function personalDataIn(s: Pick<Suggestion, PublicField>): PersonalDataFound[] {
	return PUBLIC_FIELDS.flatMap((field) =>
		findPersonalData(s[field]).map(({ kind, text, masked }) => ({ field, kind, text, masked }))
	);
}

/** Throws unless the suggestion may go on the board: categorised, and nothing personal in it. */
export function assertPublishable(s: Pick<Suggestion, 'status' | PublicField>): void {
	if (s.status === 'new') throw new Invalid('publish_uncategorised');
	const found = personalDataIn(s);
	if (found.length) throw new PersonalDataInPublicText(found);
}

/** A row as public pages may show it: title, reply and plan masked. */
export function maskPublicTexts<T extends { title: string; reply: string; plan: string }>(
	row: T
): T {
	return {
		...row,
		title: maskPersonalData(row.title),
		reply: maskPersonalData(row.reply),
		plan: maskPersonalData(row.plan)
	};
}

/**
 * What the reviewer sees next to the publish control: the texts exactly as the board and /r show
 * them, what is still personal in them, and whether publishing would be refused.
 */
export function publicPreview(s: Pick<Suggestion, 'status' | PublicField>) {
	const found = personalDataIn(s);
	return {
		...maskPublicTexts({ title: s.title, reply: s.reply, plan: s.plan }),
		found,
		refusal:
			s.status === 'new' ? 'publish_uncategorised' : found.length ? 'personal_data_public' : null
	};
}

export type PublicPreview = ReturnType<typeof publicPreview>;
