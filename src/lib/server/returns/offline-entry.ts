import { and, asc, eq, ne } from 'drizzle-orm';
import { hasRole, ORGANISERS } from '../../roles';
import type { OfflineKit } from '../../offline/kit';
import { getCampaign, latestVersion } from '../campaigns/queries';
import type { Database } from '../db';
import { distributions, formCodes, questionnaireVersions, responses } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { Invalid } from '../platform/errors';
import { TOKEN_FIELD, TOKEN_PATTERN } from '../intake/public-form';
import { findResponseByToken } from '../intake/record-response';
import { enterPaperForm } from './paper-entry';

/*
 * Offline paper entry (issue 20): what a clerk's device keeps to go on typing without a network,
 * and the one way a form queued there comes back. Exactly once rests on the submission token the
 * device gave the form when it was typed (unique per campaign, `recordResponse`): whatever the
 * number of retries after a lost answer, the first stored response answers them all.
 */

/**
 * The clerk's plan rows: every paper-like row of the campaign, or only their unit's rows when a
 * clerk names a unit. Organisers (and admins) get them all.
 */
export async function offlineKit(
	db: Database,
	slug: string,
	clerk: SessionUser
): Promise<OfflineKit> {
	const campaign = await getCampaign(db, slug);
	const version = await latestVersion(db, campaign.id);
	if (!version || campaign.status === 'draft') throw new Invalid('publish_first');
	const ownRows =
		clerk.unitId != null && !hasRole(clerk.role, ORGANISERS)
			? eq(distributions.unitId, clerk.unitId)
			: undefined;
	const codes = await db
		.select({ code: formCodes.code, responseId: responses.id })
		.from(formCodes)
		.innerJoin(distributions, eq(formCodes.distributionId, distributions.id))
		.leftJoin(responses, eq(responses.formCodeId, formCodes.id))
		.where(and(eq(formCodes.campaignId, campaign.id), ne(distributions.channel, 'online'), ownRows))
		.orderBy(asc(formCodes.id));
	return {
		campaign: { slug: campaign.slug, title: campaign.title, status: campaign.status },
		version: { id: version.id, number: version.version },
		questions: version.questions,
		codes: codes.map((c) => ({ code: c.code, used: c.responseId != null })),
		at: new Date().toISOString()
	};
}

/** Why a queued form was refused; the device keeps it with this reason for correction. */
export type RefusalReason =
	'form_code_entered' | 'archived' | 'draft' | 'version_replaced' | 'invalid';

export type QueuedFormOutcome =
	| { status: 'stored'; receiptCode: string; repeated: boolean }
	| {
			status: 'refused';
			reason: RefusalReason;
			/** Field → message key, as the entry page shows them. */
			errors: Record<string, string>;
			enteredResponseId?: number;
	  };

export interface QueuedForm {
	token: string;
	versionId: number;
	/** The entry form's fields as the clerk typed them (names of the entry page's inputs). */
	fields: [string, string][];
}

/** A form typed on a device, sent when the network is there. */
export async function sendQueuedForm(
	db: Database,
	slug: string,
	clerkId: number,
	queued: QueuedForm
): Promise<QueuedFormOutcome> {
	if (!TOKEN_PATTERN.test(queued.token)) throw new Invalid('invalid', { token: 'invalid' });
	const campaign = await getCampaign(db, slug);
	// A retry after a lost answer: the first receipt, whatever happened to the campaign since.
	const first = await findResponseByToken(db, campaign.id, queued.token);
	if (first) return { status: 'stored', receiptCode: first.receiptCode, repeated: true };
	if (campaign.status === 'archived') {
		return { status: 'refused', reason: 'archived', errors: { form: 'archived_read_only' } };
	}
	if (campaign.status === 'draft') {
		return { status: 'refused', reason: 'draft', errors: { form: 'publish_first' } };
	}
	const [version] = await db
		.select({ id: questionnaireVersions.id })
		.from(questionnaireVersions)
		.where(
			and(
				eq(questionnaireVersions.id, queued.versionId),
				eq(questionnaireVersions.campaignId, campaign.id)
			)
		);
	if (!version) throw new Invalid('invalid', { version: 'invalid' });
	const entry = new FormData();
	for (const [name, value] of queued.fields) if (name !== TOKEN_FIELD) entry.append(name, value);
	entry.set(TOKEN_FIELD, queued.token);
	const outcome = await enterPaperForm(db, slug, clerkId, entry, { versionId: version.id });
	if (outcome.kind === 'stored') {
		return { status: 'stored', receiptCode: outcome.receiptCode, repeated: outcome.repeated };
	}
	const reason: RefusalReason =
		outcome.errors.form_code === 'form_code_entered'
			? 'form_code_entered'
			: outcome.errors.version === 'version_replaced'
				? 'version_replaced'
				: 'invalid';
	return {
		status: 'refused',
		reason,
		errors: outcome.errors,
		...(outcome.enteredResponseId ? { enteredResponseId: outcome.enteredResponseId } : {})
	};
}
