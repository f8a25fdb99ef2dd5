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
		0.9484, 1.4726, 2.8427, 1.194, -0.0604, 1.313, -1.313, -0.4355, 0.4355, 2.4983, -0.736, 0.3078,
		0.3886, 0.6366, 1.8811, 0.9585, 0.2788, 0.7852, 2.3217, 0.3119, 0.7422, 0.9616, -0.3922, 0.0994,
		-0.8144, 0.2816, 0.0981, 0.081, 0.0493, 0.9322, -1.9808, -0.1215, -2.0378, -0.901, 0.2685,
		-0.0944, 0.2287, -0.9842, 2.8235, 0.7775, -0.4682, -0.1147, -0.2456, -0.1871, 1.9891, 0.4542,
		-0.15, -1.3578, 3.5973, 1.1615, -2.1872
	],
	bias: -6.9858,
	threshold: 0.5,
	source: 'trainPairModel on all 633 items of suggestions.dev.jsonl',
	mergeFactor: 0.7
};
