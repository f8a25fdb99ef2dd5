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
		1.432, 2.2234, 3.5572, 1.1227, -0.1159, 1.2934, -1.2934, -0.5479, 0.5479, 2.157, -0.6176,
		0.2597, 0.4343, 0.4182, 1.21, 1.0021, 0.6972, 0.0711, 2.2013, 0.7025, -1.319, -0.0084, -1.5341,
		-0.6416, 0.3372, 0.0039, 0.3178, -0.8686, 3.0483, 0.4715, 0.1254, -0.0273, -0.0356, -0.4515,
		2.5135, 0.6004, 0.1736, -1.5365, 4.0775, 1.2078, -1.9261
	],
	bias: -6.9908,
	threshold: 0.35,
	source: 'trainPairModel on all 633 items of suggestions.dev.jsonl'
};
