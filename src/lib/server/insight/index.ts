/** Category suggestions and duplicate detection for suggestion texts (issue 6). */
export {
	createCategoriser,
	categoriserFromJSON,
	type Categoriser,
	type CategoriserJson,
	type CategoriserOptions,
	type CategorySuggestion,
	type TrainingExample
} from './categoriser';
export {
	buildDuplicateIndex,
	findSimilar,
	findRaisedBefore,
	DEFAULT_CLUSTER_THRESHOLD,
	type DuplicateIndex,
	type DuplicateOptions,
	type InsightItem,
	type SimilarItem
} from './duplicates';
export { clusterItems, type ClusterOptions, type DuplicateCluster } from './clustering';
export {
	CATEGORY_IDS,
	DEFAULT_LEXICON,
	isCategoryId,
	type CategoryId,
	type LexiconTopic
} from './lexicon';
export { normaliseText, extractFeatures, splitRuns } from './tokenize';
export {
	computeTopKAccuracy,
	computeMacroF1,
	computePairScores,
	computeRecallAtK,
	clusterRootsFromLinks
} from './metrics';
export { parseJsonLines, splitByCluster, type LabelledRecord } from './dataset';
export { evaluateInsight, type EvaluationResult } from './evaluation';
