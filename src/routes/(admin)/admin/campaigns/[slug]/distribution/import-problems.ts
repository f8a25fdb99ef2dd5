import { errorText, type Messages } from '$lib/i18n';
import type { ServiceError } from '$lib/server/platform/errors';
import { UnstorableCell } from '$lib/server/platform/tabular-files';
import type { ImportProblem } from '$lib/server/returns/distribution-import';

const COLUMN: Record<string, (m: Messages) => string> = {
	groupId: (m) => m.distribution.group,
	unitId: (m) => m.distribution.unit,
	areaId: (m) => m.distribution.area,
	channel: (m) => m.distribution.channel,
	issued: (m) => m.distribution.issued,
	issuedOn: (m) => m.distribution.issuedOn,
	note: (m) => m.distribution.note
};

/** `import_unknown_areaId:某乡` or `issued:issued_number` → a sentence with its line number. */
export function describeImportProblem(m: Messages, problem: ImportProblem): string {
	const line = m.distribution.line(problem.line);
	const unknown = problem.message.match(/^import_unknown_(\w+):(.*)$/);
	if (unknown) {
		return `${line}${m.colon}${m.distribution.unknownValue(COLUMN[unknown[1]]?.(m) ?? unknown[1], unknown[2])}`;
	}
	const [field, key] = problem.message.includes(':')
		? problem.message.split(':')
		: ['', problem.message];
	const column = COLUMN[field]?.(m);
	return `${line}${m.colon}${column ? `${column} — ` : ''}${errorText(m, key)}`;
}

/** A whole file refused (too large, not readable, a cell that cannot be stored) in one sentence. */
export function describeImportRefusal(m: Messages, error: ServiceError): string {
	if (error instanceof UnstorableCell) {
		return `${m.distribution.line(error.line)}${m.colon}${m.distribution.cell(error.column)} — ${errorText(m, error.message)}`;
	}
	return errorText(m, error.message);
}
