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
		'ngramContainment',
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
		0.3922, 1.5151, 2.6961, 1.3116, -0.1809, 1.5711, -1.5711, -0.2983, 0.2983, 1.8373, -0.8221,
		-0.0263, 0.7089, 0.5379, 2.2372, 1.2296, -0.2575, 0.9729, 2.2691, 2.3486, -0.1456, 1.8805,
		0.4589, 0.193, 0.27, -0.6713, 0.441, -0.2645, 0, -0.2589, 1.6634, -3.1133, -0.4312, -2.4824,
		0.9239, -0.32, -0.3966, 0.0715, -1.8272, 3.5981, 0.5455, 0.249, 1.583, -1.5332, -0.2659, 2.8341,
		0.7228, -0.5129, -1.6259, 3.9397, -1.19, -1.3631
	],
	bias: -6.6286,
	threshold: 0.55,
	source:
		'trainPairModel on the 446 training-side items of the frozen split of suggestions.dev.jsonl (seed 20261202)',
	mergeFactor: 0.6,
	tunedOn: 149
};
