/** `--name value` pairs from a command line; a flag without a value is `'true'`. */
export function parseArgs(argv: string[]): Record<string, string> {
	const args: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) continue;
		const next = argv[i + 1];
		if (next === undefined || next.startsWith('--')) args[arg.slice(2)] = 'true';
		else args[arg.slice(2)] = argv[++i];
	}
	return args;
}

export async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export function fail(message: string): never {
	console.error(message);
	process.exit(2);
}
