/**
 * The built-in pair model, used until an organisation has merged duplicates of its own.
 *
 * Provenance: fitted once with `npm run bench:insight -- --fit-default-pair-model`, i.e.
 * `trainPairModel` on all 633 items of the shared synthetic dev set (suggestions.dev.jsonl), with
 * out-of-fold predicted categories. Only these numbers are kept, no text. Because they have seen
 * the whole dev set, cold-start duplicate figures measured on that set are optimistic; the
 * benchmark's trained figures use a model fitted on the training split only.
 */
import type { PairModel } from './pair-model';

export const DEFAULT_PAIR_MODEL: PairModel = {
	format: 'xinkan-pair-model',
	version: 1,
	features: [
		'ngramCosine',
		'ngramCosineSqrt',
		'topicCosine',
		'sharedConcepts',
		'sharedLexiconTopic',
		'sameTownship',
		'differentTownship',
		'sameCategory',
		'differentCategory',
		'categoryOverlap',
		'lengthRatio',
		'sharedRareTerm',
		'sharedPlace',
		'sameTownshipXngram',
		'sameTownshipXtopic',
		'sameCategoryXtopic',
		'ngramXtopic',
		'both:connection',
		'bothSameTownship:connection',
		'both:employee_welfare',
		'bothSameTownship:employee_welfare',
		'both:large_customer',
		'bothSameTownship:large_customer',
		'both:other',
		'bothSameTownship:other',
		'both:outage_duration',
		'bothSameTownship:outage_duration',
		'both:outage_notice',
		'bothSameTownship:outage_notice',
		'both:payment',
		'bothSameTownship:payment',
		'both:safety',
		'bothSameTownship:safety',
		'both:service_manager',
		'bothSameTownship:service_manager',
		'both:voltage_grid',
		'bothSameTownship:voltage_grid',
		'both:work_style',
		'bothSameTownship:work_style'
	],
	categories: [
		'connection',
		'employee_welfare',
		'large_customer',
		'other',
		'outage_duration',
		'outage_notice',
		'payment',
		'safety',
		'service_manager',
		'voltage_grid',
		'work_style'
	],
	weights: [
		1.7736, 2.4226, 3.6288, 2.3271, -0.1346, 1.1196, -1.1196, -0.3069, 0.3069, 2.1034, -0.4926,
		0.5259, 0.3485, 0.5452, 0.0255, 0.0547, 0.8298, 0.5268, -1.3223, 0.4145, -1.8647, -0.4773,
		0.6597, -0.0393, 0.429, -1.3338, 3.5848, 0.3791, 0.2763, 0.3871, -0.5111, -0.2778, 2.5739,
		0.5671, 0.4869, -2.1397, 4.4211, 1.6865, -1.9393
	],
	bias: -6.8091,
	threshold: 0.4,
	source: 'trainPairModel on all 633 items of suggestions.dev.jsonl'
};
