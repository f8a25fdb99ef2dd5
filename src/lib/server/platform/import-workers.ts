import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { Invalid, TooLarge, Unavailable } from './errors';
import type { TableLimits } from './tabular-files';

/**
 * How long one spreadsheet may take to parse, how much heap its worker may use, and how many
 * characters the cells it reads may hold together. The last bounds what the worker hands back:
 * a shared string is stored once and may be named by every cell, so a package within
 * XLSX_LIMITS (one 900 KB text, a few hundred cells) would otherwise read as gigabytes of text,
 * copied out of the worker outside its heap limit. Every cell of 5,000 × 50 at 80 characters fits.
 */
export const IMPORT_WORKER_LIMITS = {
	milliseconds: 10_000,
	heapMb: 256,
	characters: 20_000_000
} as const;

/**
 * The worker's program, as a string run with `eval: true`. A worker file next to this module
 * would not survive the production build (adapter-node bundles server code into build/server/
 * chunks, so a path from import.meta.url points at nothing, and a .ts file cannot be run by
 * Node 20); a string travels inside whatever bundle holds this module. It stays plain CommonJS and
 * needs only exceljs, which is a run-time dependency left outside the bundle in node_modules: its
 * path is resolved here and handed over, so the worker never depends on the working directory.
 *
 * The reader visits only the cells the file holds (eachRow / eachCell) and gives up at the first
 * one past the limits — never rows × 16,384 empty cells because one cell sits in column XFD, nor
 * more text than IMPORT_WORKER_LIMITS.characters because one shared string fills every cell.
 */
const WORKER_SOURCE = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
const { maxRows, maxColumns, maxCharacters } = workerData;
function text(value) {
	if (value == null) return '';
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((t) => t.text).join('');
		if ('result' in value) return text(value.result);
		if ('text' in value) return String(value.text);
	}
	return String(value);
}
async function main() {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(Buffer.from(workerData.bytes));
	} catch {
		return { refused: 'import_not_xlsx' };
	}
	const sheet = workbook.worksheets[0];
	const rows = [];
	let refused = null;
	let characters = 0;
	if (sheet) {
		sheet.eachRow((row, r) => {
			if (refused) return;
			if (r > maxRows) return void (refused = 'import_too_many_rows');
			const cells = [];
			row.eachCell((cell, c) => {
				if (refused) return;
				if (c > maxColumns) return void (refused = 'import_too_many_columns');
				const value = text(cell.value);
				characters += value.length;
				if (characters > maxCharacters) return void (refused = 'import_too_large');
				cells[c - 1] = value;
			});
			rows[r - 1] = Array.from(cells, (v) => v ?? '');
		});
	}
	return refused ? { refused } : { rows: Array.from(rows, (r) => r ?? []) };
}
main().then((result) => parentPort.postMessage(result));
`;

type WorkerAnswer = { rows: string[][] } | { refused: string };

// Per process by nature: a worker belongs to the process that started it, and shutdown ends them.
const running = new Map<Worker, (reason: Error) => void>();

let exceljsPath: string | undefined;

/**
 * Reads the first sheet of an XLSX in a worker thread, so the request thread keeps answering; the
 * worker is ended after IMPORT_WORKER_LIMITS.milliseconds (TooLarge) or when it runs out of its
 * heap (TooLarge). `limits.rows` counts rows below the header.
 */
export function readXlsxInWorker(
	bytes: Uint8Array,
	limits: TableLimits,
	milliseconds: number = IMPORT_WORKER_LIMITS.milliseconds
): Promise<string[][]> {
	exceljsPath ??= createRequire(import.meta.url).resolve('exceljs');
	return new Promise((resolve, reject) => {
		const worker = new Worker(WORKER_SOURCE, {
			eval: true,
			workerData: {
				bytes,
				exceljs: exceljsPath,
				maxRows: limits.rows + 1,
				maxColumns: limits.columns,
				maxCharacters: IMPORT_WORKER_LIMITS.characters
			},
			resourceLimits: {
				maxOldGenerationSizeMb: IMPORT_WORKER_LIMITS.heapMb,
				maxYoungGenerationSizeMb: 32
			}
		});
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			running.delete(worker);
			void worker.terminate();
			outcome();
		};
		const timer = setTimeout(
			() => settle(() => reject(new TooLarge('import_too_slow'))),
			milliseconds
		);
		running.set(worker, (reason) => settle(() => reject(reason)));
		worker.on('message', (answer: WorkerAnswer) =>
			settle(() => {
				if ('rows' in answer) resolve(answer.rows);
				else if (answer.refused === 'import_not_xlsx') reject(new Invalid(answer.refused));
				else reject(new TooLarge(answer.refused));
			})
		);
		worker.on('error', (e: Error & { code?: string }) =>
			settle(() =>
				reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new TooLarge('import_too_large') : e)
			)
		);
		worker.on('exit', (code) =>
			settle(() => reject(new Error(`spreadsheet worker stopped (exit code ${code})`)))
		);
	});
}

/** How many spreadsheet workers are running in this process. */
export function importWorkersRunning(): number {
	return running.size;
}

/**
 * Ends every spreadsheet worker of this process at once (server shutdown): each import waiting on
 * one is refused with 503 and stores nothing. Resolves when the threads have stopped.
 */
export async function terminateImportWorkers(): Promise<void> {
	const workers = [...running];
	for (const [, stop] of workers) stop(new Unavailable('server_stopping'));
	await Promise.all(workers.map(([worker]) => worker.terminate()));
}
