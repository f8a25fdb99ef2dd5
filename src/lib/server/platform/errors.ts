/**
 * Typed service errors. Services throw them; routes do not catch them: handleError in
 * hooks.server.ts gives each its status for loads and endpoints, and failOnServiceError
 * (platform/form-actions.ts) turns it into `fail(status)` for form actions. `message` is an error
 * key (see `errors` in the i18n catalogues) or plain words for API callers.
 */
export class ServiceError extends Error {
	constructor(
		message: string,
		readonly status: number,
		/** Per-field messages, keyed by form field name. */
		readonly fields: Record<string, string> = {}
	) {
		super(message);
		this.name = new.target.name;
	}
}

export class NotFound extends ServiceError {
	constructor(message = 'not found') {
		super(message, 404);
	}
}

export class Forbidden extends ServiceError {
	constructor(message = 'forbidden') {
		super(message, 403);
	}
}

export class Conflict extends ServiceError {
	constructor(message: string, fields: Record<string, string> = {}) {
		super(message, 409, fields);
	}
}

export class Invalid extends ServiceError {
	constructor(message: string, fields: Record<string, string> = {}) {
		super(message, 400, fields);
	}
}

/** The request is too big to handle (an upload over a stated limit): 413. */
export class TooLarge extends ServiceError {
	constructor(message: string) {
		super(message, 413);
	}
}

/** The server cannot finish this now (it is stopping): 503, try again later. */
export class Unavailable extends ServiceError {
	constructor(message: string) {
		super(message, 503);
	}
}
