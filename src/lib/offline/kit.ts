import type { Question } from '../questionnaire/types';

/** What a clerk's device keeps to type forms in without a network (`…/entry/offline`). */
export interface OfflineKit {
	campaign: { slug: string; title: string; status: string };
	version: { id: number; number: number };
	questions: Question[];
	/** The printed codes of the clerk's plan rows, and whether each was used when this was read. */
	codes: { code: string; used: boolean }[];
	/** Server time: the device's clock is never used to decide anything. */
	at: string;
}
