import type { PageServerLoad } from './$types';
import { departmentScope } from './scope';

export const load: PageServerLoad = (event) => departmentScope(event);
