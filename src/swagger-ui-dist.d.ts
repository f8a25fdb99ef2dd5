// swagger-ui-dist ships no types; the docs page (routes/api/v1/docs) uses only this much of it.
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
	interface SwaggerUIOptions {
		url: string;
		domNode: HTMLElement;
		deepLinking?: boolean;
		tryItOutEnabled?: boolean;
		validatorUrl?: string | null;
		withCredentials?: boolean;
	}
	const SwaggerUI: (options: SwaggerUIOptions) => unknown;
	export default SwaggerUI;
}
