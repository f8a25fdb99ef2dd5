/** Category suggestions and duplicate detection for suggestion texts (issue 6). */
export {
	createCategoriser,
	categoriserFromJSON,
	trainCategoriserSteps,
	type Categoriser,
	type CategoriserJson,
	type CategoriserOptions,
	type CategorySuggestion,
	type TrainingExample
} from './categoriser';
export {
	buildDuplicateIndex,
	buildDuplicateIndexSteps,
	findSimilar,
	findRaisedBefore,
	DEFAULT_CLUSTER_THRESHOLD,
	type DuplicateIndex,
	type DuplicateOptions,
	type InsightItem,
	type SimilarItem
} from './duplicates';
export { clusterItems, type ClusterOptions, type DuplicateCluster } from './clustering';
export { PAIR_FEATURES, pairModelFromJSON, predictPair, type PairModel } from './pair-model';
export { DEFAULT_PAIR_MODEL } from './pair-model-default';
export {
	trainPairModel,
	crossValidateThresholds,
	type PairTrainingItem,
	type PairTrainingOptions
} from './pair-training';
export { DEFAULT_CONCEPTS, normaliseForDuplicates, type Concept } from './concepts';
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
export { evaluateInsight, withOutOfFoldCategories, type EvaluationResult } from './evaluation';
export { runSteps, runStepsPolitely, type Steps } from './steps';
