/**
 * The citizen's language (contract: packages/contracts/src/language.ts). Saved on the
 * server so a second device, the notices and the printed letters follow the choice.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { languageUpdateSchema, type LanguageChoice } from '@innboks/contracts';
import type { Guards } from '../access/guards.ts';
import { citizenScope } from '../access/request-scope.ts';

export async function registerLanguageRoutes(app: FastifyInstance, options: { guards: Guards }): Promise<void> {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get('/api/language', { preHandler: options.guards.citizenSelf }, async (request): Promise<LanguageChoice> => {
    return { language: await citizenScope(request).language.current() };
  });

  routes.put('/api/language', { preHandler: options.guards.citizenSelf, schema: { body: languageUpdateSchema } }, async (request): Promise<LanguageChoice> => {
    await citizenScope(request).language.save(request.body.language);
    return { language: request.body.language };
  });
}
