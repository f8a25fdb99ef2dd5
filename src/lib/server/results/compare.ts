// Compare campaigns (issue 16 point 2): which earlier campaign a results view compares with
// (`?compare=<slug>`; by default the one this campaign was copied from) and its figures beside
// this one's, counted by campaignResults in the filters that mean the same in both campaigns.
import { and, desc, eq, ne } from 'drizzle-orm';
import {
	compareQuestions,
	filterForEarlier,
	type CampaignComparison,
	type NotAppliedFilter
} from '../../results/comparison';
import type { CampaignResults, ResultsQuery } from '../../results/types';
import type { Database } from '../db';
import { campaigns, type Campaign } from '../db/schema';
import { Invalid } from '../platform/errors';
import { campaignResults } from './results';

const SLUG = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * The campaign to compare with: `compare=<slug>` when the address names one, none for an empty
 * `compare=`, else (no `compare` at all, and `useDefault`) the campaign this one was copied from
 * unless that is a draft. Invalid when the value is not an address code, names no campaign, names
 * this campaign, or names a draft (a draft has no results).
 */
export async function comparisonCampaign(
	db: Database,
	campaign: Campaign,
	params: URLSearchParams,
	useDefault = true
): Promise<Campaign | null> {
	const raw = params.get('compare');
	if (raw === null) {
		if (!useDefault || campaign.copiedFrom === null) {
			return null;
		}
		const [source] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.copiedFrom));
		return source && source.status !== 'draft' ? source : null;
	}
	if (raw === '') {
		return null;
	}
	if (!SLUG.test(raw)) {
		throw new Invalid(`compare must be a campaign's address code, not "${raw.slice(0, 80)}"`);
	}
	const [other] = await db.select().from(campaigns).where(eq(campaigns.slug, raw));
	if (!other) {
		throw new Invalid(`compare names no campaign: "${raw}"`);
	}
	if (other.id === campaign.id) {
		throw new Invalid('compare names this campaign itself');
	}
	if (other.status === 'draft') {
		throw new Invalid(`compare names a draft campaign, which has no results: "${raw}"`);
	}
	return other;
}

/**
 * The campaigns a results page may compare with: every other one that is not a draft, newest
 * first, the one this campaign was copied from marked.
 */
export async function comparisonChoices(db: Database, campaign: Campaign) {
	const rows = await db
		.select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title })
		.from(campaigns)
		.where(and(ne(campaigns.id, campaign.id), ne(campaigns.status, 'draft')))
		.orderBy(desc(campaigns.id));
	return rows.map(({ id, slug, title }) => ({
		slug,
		title,
		copiedFrom: id === campaign.copiedFrom
	}));
}

/** An earlier campaign and its results in the filter that applies to it (see earlierResults). */
export interface EarlierResults {
	campaign: Campaign;
	results: CampaignResults;
	notApplied: NotAppliedFilter[];
}

/**
 * The results of the campaign to compare with (comparisonCampaign), or null when there is none:
 * its responses in the same group, area, unit and channel filter as `query` — not this campaign's
 * days or questionnaire versions, which mean nothing there. Overall only: a breakdown of this
 * campaign is not repeated for the earlier one.
 */
export async function earlierResults(
	db: Database,
	campaign: Campaign,
	query: ResultsQuery,
	params: URLSearchParams,
	useDefault = true
): Promise<EarlierResults | null> {
	const earlier = await comparisonCampaign(db, campaign, params, useDefault);
	if (!earlier) {
		return null;
	}
	const { filter, notApplied } = filterForEarlier(query.filter);
	return {
		campaign: earlier,
		results: await campaignResults(db, earlier.id, { filter }),
		notApplied
	};
}

/** The earlier campaign's figures beside this campaign's `results`, question by question. */
export function compareWith(
	campaign: Campaign,
	results: CampaignResults,
	earlier: EarlierResults
): CampaignComparison {
	return {
		campaign: { slug: earlier.campaign.slug, title: earlier.campaign.title },
		copiedFrom: campaign.copiedFrom === earlier.campaign.id,
		n: earlier.results.n,
		filter: earlier.results.filter,
		notApplied: earlier.notApplied,
		...compareQuestions(results, earlier.results)
	};
}
