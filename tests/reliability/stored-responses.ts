// What a burst of public submissions left in `responses`, read straight from PostgreSQL: the
// receipt codes stored for each submission token, so a test or a benchmark can say which accepted
// submissions were lost and which were stored twice.
import type postgres from 'postgres';

/** The receipt codes of the rows of `responses` per submission token (5,000 tokens a query). */
export async function receiptsByToken(
	sql: postgres.Sql,
	tokens: string[]
): Promise<Map<string, string[]>> {
	const byToken = new Map<string, string[]>();
	for (let i = 0; i < tokens.length; i += 5_000) {
		const rows = await sql<{ submission_token: string; receipt_code: string }[]>`
			select submission_token, receipt_code from responses
			where submission_token = any(${tokens.slice(i, i + 5_000)})`;
		for (const row of rows) {
			byToken.set(row.submission_token, [
				...(byToken.get(row.submission_token) ?? []),
				row.receipt_code
			]);
		}
	}
	return byToken;
}
