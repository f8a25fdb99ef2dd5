/**
 * The built-in pair model, used until an organisation has merged duplicates of its own.
 *
 * Provenance: fitted with `npm run bench:insight -- --fit-default-pair-model`, i.e.
 * `trainPairModel` with out-of-fold predicted categories on the *training side* of the frozen split
 * of the shared synthetic dev set (`frozenSplit` in dataset.ts: 446 of its 633 items), never on
 * its test side, so that the review queue's hints measured there (`dupRecallAt5Arrival`) are not
 * judged on items the model has seen. (Until issue 19 it was fitted on all 633 items.) Only these
 * numbers are kept, no text.
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
		0.7988, 1.7826, 2.375, 1.2714, 0.0099, 1.4636, -1.4636, -0.0807, 0.0807, 1.6995, -0.9023,
		0.2086, 0.3042, 0.4668, 1.8035, 1.2438, 0.3009, 0.9859, 2.1969, 0.332, 1.2049, 0.5715, 0.1677,
		0.1078, -0.7067, 0.1715, -0.2173, 0, 0.1527, 1.3316, -2.6868, -0.7165, -1.9073, 0.1508, 0.018,
		-0.2193, -0.0381, -1.2271, 2.5598, 0.2942, 0.0119, 1.3544, -1.5287, 0.0499, 1.6841, 0.6227,
		-0.4201, -1.2094, 3.042, -0.5119, -0.8926
	],
	bias: -6.1422,
	threshold: 0.25,
	source:
		'trainPairModel on the 446 training-side items of the frozen split of suggestions.dev.jsonl (seed 20261202)',
	tunedOn: 149
};
