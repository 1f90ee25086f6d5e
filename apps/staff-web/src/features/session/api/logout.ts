import { useMutation } from '@tanstack/react-query';
import { logoutResponseSchema } from '@innboks/contracts';
import { request } from '../../../lib/http.ts';

/** POST /ansatt/auth/logout, then on to where the server says (the IdP's logout). */
export const useLogout = () =>
  useMutation({
    mutationFn: () => request('/auth/logout', logoutResponseSchema, { method: 'POST' }),
    onSuccess: ({ redirectTo }) => window.location.assign(redirectTo),
  });
