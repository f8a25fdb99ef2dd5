// Two app instances on one PostgreSQL database, as the scale-out specs need them: two connection
// pools on one freshly migrated database, with an open campaign of one yes/no question.
import { blankQuestion } from '../../questionnaire/types';
import { createCampaign, setCampaignStatus } from '../campaigns/campaigns';
import { publishQuestionnaire, saveDraft } from '../campaigns/questionnaire';
import { openDatabase, type Database, type DatabaseHandle } from '../db';
import { createTestDatabase } from './databases';

const question = {
	...blankQuestion('a', 'single'),
	title: '问题',
	options: [
		{ id: 'y', label: '是' },
		{ id: 'n', label: '否' }
	]
};

/** The campaign's form answered "yes", with the one-time token given. */
export function yesForm(token: string): FormData {
	const data = new FormData();
	data.set('submission_token', token);
	data.set('q_a', 'y');
	return data;
}

export interface TwoInstances {
	/** Instance A: the test database's own pool. */
	a: Awaited<ReturnType<typeof createTestDatabase>>;
	/** Instance B: a second pool on the same database. */
	b: DatabaseHandle;
	dispose(): Promise<void>;
}

/** Opens the campaign `slug` with the one yes/no question, anonymous, on `db`. */
export async function openYesNoCampaign(db: Database, slug: string): Promise<void> {
	await createCampaign(db, null, {
		title: '两个实例',
		slug,
		introduction: '',
		startsOn: null,
		endsOn: null,
		anonymous: true
	});
	await saveDraft(db, null, slug, [question]);
	await publishQuestionnaire(db, null, slug);
	await setCampaignStatus(db, null, slug, 'open');
}

/** A fresh PostgreSQL database seen by two instances, with the campaign `slug` open on it. */
export async function twoInstancesWithOpenCampaign(slug: string): Promise<TwoInstances> {
	const a = await createTestDatabase('postgres');
	const b = openDatabase({ url: a.url, poolSize: 5 });
	await openYesNoCampaign(a.db, slug);
	return {
		a,
		b,
		async dispose() {
			await b.close();
			await a.dispose();
		}
	};
}
