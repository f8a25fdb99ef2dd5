/**
 * Evaluation CLI (a contract other tools rely on):
 *   npm run categorize -- --train <file.jsonl> --eval <file.jsonl>
 * Trains on --train only (plus the built-in lexicon; omit it for cold start), evaluates on
 * --eval, and prints exactly one JSON line last on stdout. Bad usage → stderr, exit code 2.
 * Its duplicate figures: `dupRecallAt5` (every eval item against all others, with predicted
 * categories) and `dupRecallAt5Arrival` (the review queue's own hints, for items arriving
 * uncategorised in the eval file's order, each against all before it).
 *
 *   npm run categorize -- --train <file.jsonl> --eval <file.jsonl> --feedback 0,25,50,100
 * first prints the learning curve, one JSON line per N: the first N reviewer decisions of the eval
 * file replayed in arrival order (categories chosen, duplicates merged) and learned as the product
 * learns them, the figures on the rest (src/lib/server/insight/feedback.ts); the last line is the
 * same as without it.
 */
import { readFileSync } from 'node:fs';
import { parseJsonLines, type LabelledRecord } from '../src/lib/server/insight/dataset';
import { evaluateInsight } from '../src/lib/server/insight/evaluation';
import { evaluateFeedback } from '../src/lib/server/insight/feedback';
import { titleFrom } from '../src/lib/server/suggestions/items';

const USAGE =
	'usage: npm run categorize -- [--train <file.jsonl>] --eval <file.jsonl> [--feedback N[,N…]]';

function parseArguments(argv: readonly string[]): {
	train: string | null;
	evaluation: string;
	feedback: number[];
} {
	const values = new Map<string, string>();
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		if (flag !== '--train' && flag !== '--eval' && flag !== '--feedback') {
			throw new Error(`unknown argument: ${flag}`);
		}
		const value = argv[i + 1];
		if (value === undefined || value.startsWith('--')) {
			throw new Error(`${flag} needs ${flag === '--feedback' ? 'a list of numbers' : 'a file'}`);
		}
		if (values.has(flag)) throw new Error(`${flag} given twice`);
		values.set(flag, value);
		i++;
	}
	const evaluation = values.get('--eval');
	if (!evaluation) throw new Error('--eval <file.jsonl> is required');
	const list = values.get('--feedback');
	const feedback = list === undefined ? [] : list.split(',').map((n) => Number(n.trim()));
	if (!feedback.every((n) => Number.isInteger(n) && n >= 0)) {
		throw new Error('--feedback wants whole numbers of decisions, e.g. 0,25,50,100');
	}
	return { train: values.get('--train') ?? null, evaluation, feedback };
}

function readRecords(path: string): LabelledRecord[] {
	let content: string;
	try {
		content = readFileSync(path, 'utf8');
	} catch (error) {
		throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`);
	}
	const records = parseJsonLines(content, path);
	if (records.length === 0) throw new Error(`${path} holds no records`);
	return records;
}

function main(): void {
	let train: LabelledRecord[];
	let evaluation: LabelledRecord[];
	let feedback: number[];
	try {
		const args = parseArguments(process.argv.slice(2));
		train = args.train ? readRecords(args.train) : [];
		evaluation = readRecords(args.evaluation);
		feedback = args.feedback;
	} catch (error) {
		process.stderr.write(`categorize: ${(error as Error).message}\n${USAGE}\n`);
		process.exit(2);
	}
	try {
		for (const n of feedback) {
			const point = evaluateFeedback(train, evaluation, n, { titleOf: titleFrom });
			process.stdout.write(`${JSON.stringify(point)}\n`);
		}
		process.stdout.write(
			`${JSON.stringify(evaluateInsight(train, evaluation, { titleOf: titleFrom }))}\n`
		);
	} catch (error) {
		// e.g. a training record with an unknown category
		process.stderr.write(`categorize: ${(error as Error).message}\n`);
		process.exit(2);
	}
}

main();
