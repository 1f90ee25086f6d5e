import { useQuery } from '@tanstack/react-query';
import { formsOverviewSchema, type FormListItem, type FormsOverview } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';

/** GET /api/forms: forms waiting for the citizen, their drafts, and the forms anyone may fill in. */
export function getFormsOverview(signal?: AbortSignal): Promise<FormsOverview> {
  return request('/api/forms', formsOverviewSchema, { signal });
}

export const useFormsOverview = () => useQuery({ queryKey: ['forms'], queryFn: ({ signal }) => getFormsOverview(signal) });

/** Where a form opens: the forms app, a bundle of its own under the same origin and login. */
export function formHref(form: Pick<FormListItem, 'kind' | 'id'>): string {
  return `/skjemautfyller/${form.kind}/${encodeURIComponent(form.id)}`;
}
