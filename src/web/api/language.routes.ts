import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { checkGoalWording, checkText } from '../../language';
import { operation } from './openapi';

/** Long enough for any citizen text; bounded because checking costs CPU on a public endpoint. */
const MAX_TEXT = 20_000;

const findingSchema = z.object({
  rule: z.string(),
  span: z.object({ start: z.number().int(), end: z.number().int() }),
  excerpt: z.string(),
  sentence: z.number().int(),
  message: z.string(),
  suggestion: z.string(),
});

const reportSchema = z.object({
  lang: z.enum(['nl', 'en']),
  verdict: z.enum(['b1', 'above_b1']),
  verdictLabel: z.string(),
  score: z.number(),
  reasons: z.array(z.string()),
  metrics: z.object({
    sentences: z.number(),
    words: z.number(),
    syllablesPerWord: z.number(),
    wordsPerSentence: z.number(),
    fleschDouma: z.number(),
    longSentenceShare: z.number(),
    longWordShare: z.number(),
    infrequentWordShare: z.number(),
  }),
  findings: z.array(findingSchema),
  goalWording: z.object({ vague: z.boolean(), findings: z.array(findingSchema) }).optional(),
});

/** `POST /api/v1/language/check`: the plain-language check of one text (no state is changed). */
export const languageRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/language/check',
    {
      schema: operation({
        operationId: 'checkLanguage',
        summary: 'Check a text for plain language (Dutch B1; English: readability only)',
        tags: ['language'],
        body: z.strictObject({
          text: z.string().trim().min(1).max(MAX_TEXT),
          lang: z.enum(['nl', 'en']).optional().describe('Detected when absent'),
          kind: z.enum(['text', 'goal']).default('text').describe('`goal` also checks for vague goal wording'),
        }),
        responses: { 200: reportSchema },
      }),
    },
    async (request) => {
      const { text, lang, kind } = request.body;
      const report = checkText(text, lang ? { lang } : {});
      return kind === 'goal' ? { ...report, goalWording: checkGoalWording(text) } : report;
    },
  );
};
