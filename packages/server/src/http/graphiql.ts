import type { NextFunction, Request, Response } from 'express';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

let page: string | undefined;

/** GraphiQL, bundled inline so it works with no network; development only. */
export const graphiqlHandler = (req: Request, res: Response, next: NextFunction) => {
  if (req.accepts(['application/json', 'text/html']) !== 'text/html' || req.query.query) {
    next();
    return;
  }
  page ??= renderGraphiQL({ endpoint: '/graphql', title: 'Keyward GraphiQL' });
  // Its bundle and editor workers are inline (blob:), so it cannot live under the app's policy.
  res.setHeader(
    'Content-Security-Policy',
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; worker-src blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:",
  );
  res.type('html').send(page);
};
