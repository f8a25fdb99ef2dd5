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
		0.8388, 1.4798, 2.8118, 1.3601, -0.0825, 1.3135, -1.3135, -0.3835, 0.3835, 2.4542, -0.7334,
		0.3182, 0.3594, 0.5903, 1.9224, 0.8228, 0.1033, 0.8891, 2.3116, 0.2485, 0.8353, 0.8894, -0.3813,
		0.2245, -0.8655, 0.3086, 0.0056, 0.0529, -0.0345, 0.8838, -2.0456, -0.2161, -2.1073, -0.7723,
		0.6601, -0.0905, 0.2415, -1.078, 2.8591, 0.7101, -0.489, 0.4031, -0.3314, -0.3093, 1.8938,
		0.4326, -0.1931, -1.4448, 3.6477, 1.0979, -2.0326
	],
	bias: -6.9184,
	threshold: 0.55,
	source: 'trainPairModel on all 633 items of suggestions.dev.jsonl',
	mergeFactor: 0.6
};
