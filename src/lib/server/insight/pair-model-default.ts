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
		0.34, 1.5936, 2.6865, 1.1713, -0.1844, 1.5929, -1.5929, -0.297, 0.297, 2.4062, -0.924, -0.0646,
		0.7364, 0.5679, 2.2347, 1.2216, -0.3748, 0.9502, 2.3696, 2.3025, -0.2279, 1.8764, 0.4519,
		0.2475, 0.2993, -1.242, 0.4912, -0.2547, 0, -0.3604, 1.7189, -3.6184, -0.4313, -2.8532, 0.302,
		-0.1902, -0.5184, -0.1049, -2.0103, 3.2793, 0.4196, -0.3555, 1.7083, -2.2749, -0.2504, 2.8758,
		0.7414, -0.9191, -1.621, 3.3871, -0.3557, -1.9864
	],
	bias: -6.5743,
	threshold: 0.45,
	source:
		'trainPairModel on the 446 training-side items of the frozen split of suggestions.dev.jsonl (seed 20261202)',
	mergeFactor: 0.7,
	tunedOn: 149
};
