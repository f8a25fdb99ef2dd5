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
		'sharedWideConcept',
		'sharedWideXdifferentTownship',
		'differentTownshipXngramCosine',
		'differentTownshipXngramCosineSqrt',
		'differentTownshipXtopicCosine',
		'differentTownshipXsharedConcepts',
		'differentTownshipXsharedLexiconTopic',
		'differentTownshipXcategoryOverlap',
		'differentTownshipXlengthRatio',
		'differentTownshipXsharedRareTerm',
		'differentTownshipXsharedPlace',
		'differentTownshipXngramXtopic',
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
		0.8339, 1.4589, 2.9338, 1.1271, -0.1444, 1.2866, -1.2866, -0.3628, 0.3628, 2.3204, -0.7845,
		0.3118, 0.5822, 0.5981, 1.9983, 0.8905, 0.0978, 0.9476, 2.3191, 0.2358, 0.7952, 0.9355, -0.3192,
		0.2306, -0.9045, 0.3114, -0.047, 0.3312, -0.0276, 0.9473, -2.0658, -0.2119, -2.187, -0.7403,
		0.672, -0.0934, 0.2392, -1.0733, 2.868, 0.7236, -0.506, 0.3851, -0.3544, -0.3447, 1.8395,
		0.4797, -0.171, -1.4038, 3.6519, 0.969, -1.9651
	],
	bias: -6.7822,
	threshold: 0.45,
	source: 'trainPairModel on all 633 items of suggestions.dev.jsonl',
	mergeFactor: 0.7,
	tunedOn: 211
};
