import { json } from '@sveltejs/kit';
import { openApiDocument } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

// The document names no data, only the shape of the API: anyone may read it. Built once per
// process — it depends on nothing but the code.
const document = openApiDocument();

export const GET: RequestHandler = () => json(document);
