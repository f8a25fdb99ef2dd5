import { defineConfig } from 'drizzle-kit';

export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'postgresql',
	// pg-boss keeps its job tables in a schema of its own (src/lib/server/jobs): not ours to diff.
	schemaFilter: ['public'],
	strict: true,
	verbose: true
});
