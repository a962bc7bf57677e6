import { Author, Blog, CheckResult, Client, Comment } from '@cedx/akismet';
import type { SpamChecker } from './types.js';

/**
 * Akismet as the pipeline's external spam checker (its comment-check call, through the
 * @cedx/akismet client). The spam-signals phase bounds it with a timeout and treats any
 * failure as "no opinion", so Akismet being down never holds up a reader.
 */
export function akismetChecker(opts: { key: string; url: string; site: string; language: string }): SpamChecker {
  const client = new Client(opts.key, new Blog({ url: new URL(opts.site), languages: [opts.language] }), {
    baseUrl: opts.url,
  });
  return {
    name: 'akismet',
    async check(input) {
      const verdict = await client.checkComment(
        new Comment({
          type: 'comment',
          content: input.body,
          author: new Author({ name: input.name, email: input.email ?? '', ipAddress: input.ip ?? '' }),
        }),
      );
      return verdict === CheckResult.ham ? 'ham' : 'spam';
    },
  };
}
